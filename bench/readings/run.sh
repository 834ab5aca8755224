#!/usr/bin/env bash
# Load test of POST /api/v1/readings (single readings, 50-reading batches) and GET /api/v1/readings against the
# service on MariaDB + Redis, with a JDBC baseline measured in the same run. Results go to stdout as RESULT lines.
# Usage: bench/readings/run.sh [seconds-per-run] ; needs wrk, MariaDB and Redis on 127.0.0.1 (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
SECONDS_PER_RUN=${1:-30}
PORT=18181
DB=care_bench
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f "$ROOT/wechat-api/target/care-service.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
redis-cli -n 5 FLUSHDB >/dev/null

java -Duser.timezone=UTC -Xmx1g -jar "$ROOT/wechat-api/target/care-service.jar" \
  --server.port=$PORT \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&useLocalSessionState=true" \
  --spring.datasource.username=root --spring.datasource.password= \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.database=5 \
  --care.demo.seed=false --care.auth.logins-per-minute=100000 --spring.datasource.hikari.maximum-pool-size=24 \
  --logging.level.root=WARN > "$WORK/service.log" 2>&1 &
echo $! > "$WORK/pid"
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

python3 prepare.py "http://localhost:$PORT" 200 "$WORK/tokens.txt"
export TOKENS="$WORK/tokens.txt"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(mariadb --version | cut -d' ' -f4-6)"

# Warm-up (JIT, connection pools), not reported.
MODE=single wrk -t2 -c16 -d10s -s readings.lua "http://localhost:$PORT" >/dev/null
MODE=single wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT" | grep RESULT
MODE=batch BATCH=50 wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT" | grep RESULT
MODE=list wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT" | grep RESULT

DRIVER=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
java -cp "$DRIVER" JdbcBaseline.java "jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&useLocalSessionState=true" 1 32 "$SECONDS_PER_RUN"
java -cp "$DRIVER" JdbcBaseline.java "jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&useLocalSessionState=true" 50 8 "$SECONDS_PER_RUN"
echo "rows stored by the service: $(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.core_reading WHERE patient_id < 9000000")"
