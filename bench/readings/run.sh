#!/usr/bin/env bash
# Load test of POST /api/v1/readings (single readings, 50-reading batches) and GET /api/v1/readings against the
# service on MariaDB + Redis, with a JDBC baseline measured in the same run. Results go to stdout as RESULT lines.
# Usage: bench/readings/run.sh [seconds-per-run] [patients] ; needs wrk, a JDK (jstat), MariaDB and Redis on 127.0.0.1.
# Requests rotate over the patients. With too few, each patient would gather hundreds of readings a minute and
# every request would drag a history no real patient has through evaluation and rewards.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-30}
PATIENTS=${2:-10000}
PORT=18181
DB=care_bench
source ../service.sh
start_service $PORT $DB 5

python3 ../prepare.py "http://localhost:$PORT" "$PATIENTS" "$WORK/tokens.txt"
export TOKENS="$WORK/tokens.txt"
mariadb -uroot "$DB" < ../seed-history.sql
echo "patients: $PATIENTS; machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(mariadb --version | cut -d' ' -f4-6)"

# Event listeners (alert evaluation's safety net, sticker rewards) run after the response. A run that outpaces
# them leaves a backlog, which would slow the next run and flatter this one: wait for it and count it.
drain() {
  local start=$SECONDS
  until [ "$(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")" = 0 ]; do
    sleep 0.2
  done
  echo "RESULT listener backlog drained $((SECONDS - start)) s after the run"
}

# Runs a wrk command, waits for the listeners, and adds the CPU time the service and MariaDB spent per request over
# both (from /proc: user + system clock ticks of 10 ms), so work deferred to the listeners is counted too.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
SERVICE_PID=$(cat "$WORK/pid")
DB_PID=$(pgrep -x mariadbd | head -1)
measured() {
  local j0 m0 out requests
  j0=$(ticks "$SERVICE_PID"); m0=$(ticks "$DB_PID")
  out=$("$@" | grep RESULT)
  drain
  requests=$(echo "$out" | sed 's/.*requests\/s=\([0-9]*\).*/\1/')
  awk -v out="$out" -v j=$(( $(ticks "$SERVICE_PID") - j0 )) -v m=$(( $(ticks "$DB_PID") - m0 )) \
    -v n=$(( requests * SECONDS_PER_RUN )) \
    'BEGIN { printf "%s cpu_ms_per_request: service=%.2f mariadb=%.2f\n", out, j * 10 / n, m * 10 / n }'
}

# Warm-up, not reported: both kinds of request in rounds until the JIT compiler is quiet (fewer than 200 methods
# compiled in a round). On 2 cores the C2 compiler needs one to two minutes of this load to catch up with the
# service's hot paths; a run measured earlier measures the compiler (it took a quarter of the service's CPU after
# 10 s of warm-up) and gave 20-30% fewer requests/s.
compiled() { jstat -compiler "$SERVICE_PID" | awk 'NR == 2 { print $1 }'; }
warm_start=$SECONDS
for round in $(seq 1 10); do
  before=$(compiled)
  MODE=single wrk -t2 -c16 -d20s -s readings.lua "http://localhost:$PORT" >/dev/null
  MODE=batch BATCH=50 wrk -t2 -c8 -d10s -s readings.lua "http://localhost:$PORT" >/dev/null
  drain >/dev/null
  [ $(( $(compiled) - before )) -lt 200 ] && break
done
echo "warm-up: $((SECONDS - warm_start)) s in $round rounds, $(( $(compiled) - before )) methods compiled in the last"
MODE=single measured wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT"
# The same, paced below saturation (16 connections, each pausing 50 ms between requests): the latency a patient
# sees at a rate the listeners keep up with.
MODE=single DELAY_MS=50 measured wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT"
MODE=batch BATCH=50 measured wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT"
MODE=list wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s readings.lua "http://localhost:$PORT" | grep RESULT

DRIVER=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
java -cp "$DRIVER" JdbcBaseline.java "jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true" 1 32 "$SECONDS_PER_RUN"
java -cp "$DRIVER" JdbcBaseline.java "jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true" 50 8 "$SECONDS_PER_RUN"
echo "rows stored by the service: $(mariadb -uroot -N -e "SELECT COUNT(*) FROM $DB.core_reading WHERE patient_id < 9000000 AND client_id NOT LIKE 'seed-%'")"
