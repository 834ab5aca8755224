#!/usr/bin/env bash
# Alert latency under load: POST of a dangerous reading -> alert on the SSE stream and subscribe message at the
# sandbox, p50/p99, while ordinary readings are ingested in the background (wrk, bench/readings/readings.lua with a delay;
# it aims at ~500/s, and prints what it achieved).
# Usage: bench/alerts/run.sh [samples] ; needs wrk, MariaDB and Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
SAMPLES=${1:-100}
PORT=18282
source ../service.sh
start_service $PORT care_bench_alerts 7

python3 ../prepare.py "http://localhost:$PORT" 100 "$WORK/tokens.txt"
echo "baseline (no background load):"
python3 latency.py "http://localhost:$PORT" 30 | grep RESULT
# Background: 32 connections, each pausing 20 ms between requests (~500/s if the service kept up).
MODE=single DELAY_MS=20 TOKENS="$WORK/tokens.txt" wrk -t2 -c32 -d600s -s ../readings/readings.lua "http://localhost:$PORT" > "$WORK/wrk.txt" &
WRK=$!
sleep 5
echo "under load:"
python3 latency.py "http://localhost:$PORT" "$SAMPLES" | grep RESULT
kill -INT $WRK; wait $WRK || true
grep RESULT "$WORK/wrk.txt" | sed 's/^/background: /'
echo "errors logged by the service: $(grep -c 'ERROR' "$WORK/service.log" || true)"
