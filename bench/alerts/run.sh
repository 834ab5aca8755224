#!/usr/bin/env bash
# Alert latency under load: POST of a dangerous reading -> alert on the SSE stream and subscribe message at the
# sandbox, p50/p99, while ordinary readings are ingested in the background (wrk, bench/readings/readings.lua with a delay;
# it aims at ~500 readings/s as phones syncing 10 readings per request, and prints what it achieved).
# Usage: bench/alerts/run.sh [samples] ; needs wrk, MariaDB and Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
SAMPLES=${1:-100}
PORT=18282
source ../service.sh
start_service $PORT care_bench_alerts 7

# Background patients with two weeks of history each (see bench/readings/run.sh for why there are many).
python3 ../prepare.py "http://localhost:$PORT" 2000 "$WORK/tokens.txt"
mariadb -uroot care_bench_alerts < ../seed-history.sql
echo "baseline (no background load):"
python3 latency.py "http://localhost:$PORT" 30 | grep RESULT
# Background: 10-reading batches from 12 connections, each pausing 120 ms between requests (~50 requests/s here).
MODE=batch BATCH=10 DELAY_MS=120 TOKENS="$WORK/tokens.txt" wrk -t2 -c12 -d600s -s ../readings/readings.lua "http://localhost:$PORT" > "$WORK/wrk.txt" &
WRK=$!
sleep 5
echo "under load:"
python3 latency.py "http://localhost:$PORT" "$SAMPLES" | grep RESULT
kill -INT $WRK; wait $WRK || true
grep RESULT "$WORK/wrk.txt" | sed 's/^/background: /'
echo "errors logged by the service: $(grep -c 'ERROR' "$WORK/service.log" || true)"
