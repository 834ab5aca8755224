#!/usr/bin/env bash
# Alert latency under load: POST of a dangerous reading -> alert on the SSE stream and subscribe message at the
# sandbox, p50/p99, while ~500 ordinary readings/s are ingested (wrk, bench/readings/readings.lua with a delay).
# Usage: bench/alerts/run.sh [samples] ; needs wrk, MariaDB and Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
SAMPLES=${1:-100}
PORT=18282
DB=care_bench_alerts
WORK=$(mktemp -d)
trap 'pkill -f "wrk -t2 -c32 -d600s" || true; kill $(cat "$WORK/pid" 2>/dev/null) 2>/dev/null || true; cp "$WORK/service.log" /tmp/care-bench-alerts.log; rm -rf "$WORK"' EXIT

[ -f "$ROOT/wechat-api/target/care-service.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
redis-cli -n 7 FLUSHDB >/dev/null
java -Duser.timezone=UTC -Xmx1g -jar "$ROOT/wechat-api/target/care-service.jar" --server.port=$PORT \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true" \
  --spring.datasource.username=root --spring.datasource.password= \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.database=7 \
  --spring.datasource.hikari.maximum-pool-size=20 \
  --care.demo.seed=false --care.auth.logins-per-minute=100000 --logging.level.root=WARN > "$WORK/service.log" 2>&1 &
echo $! > "$WORK/pid"
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

python3 ../readings/prepare.py "http://localhost:$PORT" 100 "$WORK/tokens.txt"
echo "baseline (no background load):"
python3 latency.py "http://localhost:$PORT" 30 | grep RESULT
# Background: 32 connections, each pausing 20 ms between requests (~500 readings/s on this machine).
MODE=single DELAY_MS=20 TOKENS="$WORK/tokens.txt" wrk -t2 -c32 -d600s -s ../readings/readings.lua "http://localhost:$PORT" > "$WORK/wrk.txt" &
WRK=$!
sleep 5
echo "under load:"
python3 latency.py "http://localhost:$PORT" "$SAMPLES" | grep RESULT
kill -INT $WRK; wait $WRK || true
grep RESULT "$WORK/wrk.txt" | sed 's/^/background: /'
echo "503s logged by the service: $(grep -c 'dependency unavailable' "$WORK/service.log" || true)"
