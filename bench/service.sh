# Sourced by the benchmark scripts: starts the service jar on a fresh MariaDB database and Redis db, in prod-like
# settings (WeChat sandbox in-process), and stops it on exit.
# Usage: start_service <port> <database> <redis-db> [extra service arguments...]
# Sets WORK (a scratch directory removed on exit; processes whose pid is in a WORK/*pid file are stopped); the service log is kept at /tmp/care-bench-<database>.log.

# Stops every process in a WORK/*pid file and waits for it to exit, so the next run's DROP DATABASE never meets a
# service still shutting down (its metadata locks would block both).
stop_all() {
  local pids
  pids=$(cat "$WORK"/*pid 2>/dev/null) || return 0
  kill $pids 2>/dev/null || true
  for _ in $(seq 1 30); do
    local alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && return 0
    sleep 1
  done
  kill -9 $pids 2>/dev/null || true
}

start_service() {
  local port=$1 db=$2 redis_db=$3 root
  shift 3
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  WORK=$(mktemp -d)
  trap 'pkill -P $$ wrk 2>/dev/null || true; stop_all; cp "$WORK/service.log" "/tmp/care-bench-'"$db"'.log"; rm -rf "$WORK"' EXIT
  [ -f "$root/wechat-api/target/care-service.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
  mariadb -uroot -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4"
  redis-cli -n "$redis_db" FLUSHDB >/dev/null
  java -Duser.timezone=UTC -Xmx1g -jar "$root/wechat-api/target/care-service.jar" --server.port="$port" \
    --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db?rewriteBatchedStatements=true" \
    --spring.datasource.username=root --spring.datasource.password= \
    --spring.data.redis.host=127.0.0.1 --spring.data.redis.database="$redis_db" \
    --spring.datasource.hikari.maximum-pool-size=24 \
    --care.demo.seed=false --care.auth.logins-per-minute=100000 --logging.level.root=WARN "$@" > "$WORK/service.log" 2>&1 &
  echo $! > "$WORK/pid"
  for _ in $(seq 1 90); do curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && return 0; sleep 1; done
  echo "service did not become ready; see $WORK/service.log" >&2
  return 1
}
