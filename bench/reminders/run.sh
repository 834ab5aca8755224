#!/usr/bin/env bash
# Reminder dispatch at volume: N reminders due in the same minute (one per patient, each with one authorisation),
# dispatched by the service (Quartz tick + MySQL due-queue) to a standalone WeChat sandbox. Reports sends per second,
# lateness p50/p99 after the due time, duplicates and lost. Then, in the same run, the control: reminders as one
# Quartz trigger each (QuartzControl.java) against the same MariaDB and sandbox.
# Usage: bench/reminders/run.sh [reminders=100000] [control-reminders=20000] [control-window-s=60] [service args...]
# Needs MariaDB (its seq_1_to_N sequence tables seed the data) and Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-100000}
CONTROL_N=${2:-20000}
CONTROL_WINDOW=${3:-60}
shift $(( $# < 3 ? $# : 3 ))
PORT=18383
SANDBOX_PORT=18384
DB=care_bench_rem
JAR=$(cd ../.. && pwd)/wechat-api/target/care-service.jar
source ../service.sh

start_service $PORT $DB 3 --care.wechat.api-host-url=http://127.0.0.1:$SANDBOX_PORT "$@"
java -Dloader.main=com.chroniccare.wechat.sandbox.WeChatSandbox -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher $SANDBOX_PORT > "$WORK/sandbox.log" 2>&1 &
echo $! > "$WORK/sandbox.pid"
for _ in $(seq 1 30); do curl -sf "localhost:$SANDBOX_PORT/sandbox/wechat/summary" >/dev/null && break; sleep 1; done

# Due at the next whole minute at least 40 s away, so the seed is in place before anything is due.
DUE=$(python3 -c 'import time; t=int(time.time())+40; print(t - t % 60 + 60)')
DUE_SQL=$(date -u -d "@$DUE" '+%Y-%m-%d %H:%M:%S')
LOCAL_TIME=$(TZ=Asia/Shanghai date -d "@$DUE" '+%H:%M')
LOCAL_DATE=$(TZ=Asia/Shanghai date -d "@$DUE" '+%Y-%m-%d')
mariadb -uroot $DB <<SQL
INSERT INTO core_user (role, openid, display_name, created_at)
  SELECT 'PATIENT', CONCAT('o-bench-', seq), CONCAT('Patient ', seq), NOW(3) FROM seq_1_to_$N;
INSERT INTO wx_subscription (user_id, template_id, remaining, status, updated_at)
  SELECT id, 'sandbox-reminder-template', 1, 'ACCEPT', NOW(3) FROM core_user WHERE openid LIKE 'o-bench-%';
-- Plans already generated through the horizon, as in steady state, so the generate tick does not add work.
INSERT INTO rem_plan (patient_id, name, dose, times_of_day, start_date, time_zone, status, generated_until,
                      created_by, created_at, updated_by, updated_at)
  SELECT id, '二甲双胍', '500 mg', '$LOCAL_TIME', '$LOCAL_DATE', 'Asia/Shanghai', 'ACTIVE',
         '$DUE_SQL' + INTERVAL 2 DAY, id, NOW(3), id, NOW(3) FROM core_user WHERE openid LIKE 'o-bench-%';
INSERT INTO rem_dose (plan_id, patient_id, due_at, local_date, status, updated_at)
  SELECT id, patient_id, '$DUE_SQL', '$LOCAL_DATE', 'SCHEDULED', NOW(3) FROM rem_plan;
INSERT INTO rem_push (patient_id, due_at, time_zone, status, next_attempt_at)
  SELECT id, '$DUE_SQL', 'Asia/Shanghai', 'PENDING', '$DUE_SQL' FROM core_user WHERE openid LIKE 'o-bench-%';
SQL
echo "seeded $N reminders due at $DUE_SQL UTC ($LOCAL_TIME Asia/Shanghai); waiting"

open_count() {
  mariadb -uroot -N $DB -e "SELECT COUNT(*) FROM rem_push WHERE due_at = '$DUE_SQL' AND status IN ('PENDING','CLAIMED','SENDING')"
}
while [ "$(date +%s)" -lt "$DUE" ] || [ "$(open_count)" -gt 0 ]; do
  [ "$(date +%s)" -gt $((DUE + 600)) ] && { echo "gave up after 10 minutes"; break; }
  sleep 1
done

mariadb -uroot -N $DB -e "SELECT TIMESTAMPDIFF(MICROSECOND, due_at, sent_at) FROM rem_push
  WHERE due_at = '$DUE_SQL' AND status = 'SENT'" > "$WORK/lateness.txt"
STATUSES=$(mariadb -uroot -N $DB -e "SELECT GROUP_CONCAT(CONCAT(status, '=', n)) FROM (SELECT status, COUNT(*) n
  FROM rem_push WHERE due_at = '$DUE_SQL' GROUP BY status) s")
SUMMARY=$(curl -s "localhost:$SANDBOX_PORT/sandbox/wechat/summary")
python3 - "$WORK/lateness.txt" "$N" "$SUMMARY" "$STATUSES" <<'PY'
import json, sys
lateness = sorted(int(l) / 1e6 for l in open(sys.argv[1]) if l.strip())
n = int(sys.argv[2]); summary = json.loads(sys.argv[3]); statuses = sys.argv[4]
# Lost: a patient whose reminder never reached WeChat (each of the n patients should get exactly one message).
lost = n - (summary['total'] - summary['duplicates'])
sent = len(lateness)
pct = lambda p: lateness[min(len(lateness) - 1, len(lateness) * p // 100)] if lateness else float('nan')
first, last = (lateness[0], lateness[-1]) if lateness else (0, 0)
rate = sent / (last - first) if last > first else float('nan')
print(f"RESULT dispatcher reminders={n} sent={sent} statuses={statuses} sends_per_s={rate:.0f} "
      f"first_s={first:.1f} all_out_s={last:.1f} lateness_p50_s={pct(50):.1f} lateness_p99_s={pct(99):.1f} "
      f"sandbox_received={summary['total']} duplicates={summary['duplicates']} lost={lost}")
PY
echo "errors logged by the service: $(grep -c ' ERROR ' "$WORK/service.log" || true)"
kill "$(cat "$WORK/pid")"; sleep 3

# The control, on the same database (its own Quartz scheduler name) and the same sandbox.
mkdir -p "$WORK/lib" "$WORK/control"
unzip -q -j "$JAR" 'BOOT-INF/lib/*' -d "$WORK/lib"
javac -nowarn -cp "$WORK/lib/*" -d "$WORK/control" QuartzControl.java
java -cp "$WORK/control:$WORK/lib/*" QuartzControl "jdbc:mysql://127.0.0.1:3306/$DB?rewriteBatchedStatements=true" \
  "http://127.0.0.1:$SANDBOX_PORT" "$CONTROL_N" "$CONTROL_WINDOW" 32 2>/dev/null | grep RESULT
