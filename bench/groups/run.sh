#!/usr/bin/env bash
# Support-group feed under load: 10,000 groups and 1,000,000 posts (plus 10,000 pinned broadcasts and 500,000
# sticker reactions) written into MariaDB, then wrk reads first feed pages of random groups as their members, alone
# and while posts are made in the background. Baseline in the same run: the same page read straight from MySQL over
# JDBC (FeedBaseline.java). Usage: bench/groups/run.sh [seconds-per-run=30]; needs wrk, MariaDB, Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-30}
PORT=18484
DB=care_bench_groups
source ../service.sh
start_service $PORT $DB 4 --care.groups.posts-per-minute=100000

CODE_PREFIX=bench-member IDS=1 python3 ../prepare.py "http://localhost:$PORT" 200 "$WORK/members.txt" GROUPS
echo "writing 10,000 groups and 1,000,000 posts..."
mariadb -uroot $DB <<'SQL'
INSERT INTO grp_group (name, description, `condition`, owner_id, invite_code, max_members, created_at)
  SELECT CONCAT('糖友小组 ', seq), '每周分享控糖经验', 'T2D', 1, CONCAT('B', seq), 500, NOW(3) FROM seq_1_to_10000;
INSERT INTO grp_post (group_id, author_id, author_name, client_id, kind, text, pinned, status, report_count, created_at)
  SELECT 1 + seq % 10000, 1000000 + seq % 1000, CONCAT('病友', seq % 1000), CONCAT('seed-', seq), 'POST',
         CONCAT('今天空腹血糖 ', 5 + seq % 4, '.', seq % 10, '，坚持饭后散步三十分钟，大家一起加油！'), FALSE, 'PUBLISHED', 0,
         NOW(3) - INTERVAL (1000000 - seq) SECOND
  FROM seq_1_to_1000000;
INSERT INTO grp_post (group_id, author_id, author_name, client_id, title, kind, text, pinned, status, report_count, created_at)
  SELECT seq, 1, '王医生', CONCAT('pin-', seq), '本周讲座', 'BROADCAST', '周六上午 9 点社区卫生服务中心讲低血糖处理。',
         TRUE, 'PUBLISHED', 0, NOW(3) FROM seq_1_to_10000;
INSERT INTO grp_reaction (post_id, user_id, sticker, created_at)
  SELECT seq * 2, 1000000 + seq % 7, ELT(1 + seq % 5, 'applause', 'thumbs-up', 'heart', 'strong-arm', 'flower'), NOW(3)
  FROM seq_1_to_500000;
SQL
# Each of the 200 members belongs to 50 groups: every group has one bench reader.
python3 - "$WORK/members.txt" "$WORK/pairs.txt" > "$WORK/members.sql" <<'PY'
import sys
members = [l.split() for l in open(sys.argv[1]) if l.strip()]
with open(sys.argv[2], "w") as pairs:
    rows = []
    for i, (token, user) in enumerate(members):
        for g in range(i * 50 + 1, i * 50 + 51):
            rows.append("(%d, %s, 'MEMBER', '病友%s', NOW(3))" % (g, user, user))
            pairs.write("%s %s %d\n" % (token, user, g))
print("INSERT INTO grp_member (group_id, user_id, role, display_name, joined_at) VALUES %s;" % ",".join(rows))
PY
mariadb -uroot $DB < "$WORK/members.sql"
mariadb -uroot $DB -e "ANALYZE TABLE grp_post, grp_reaction, grp_member" >/dev/null
export PAIRS="$WORK/pairs.txt"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(mariadb --version | cut -d' ' -f4-6)"

# Warm-up (JIT, pools, and the Redis and in-memory caches of most groups and readers), not reported.
MODE=read wrk -t2 -c32 -d40s -s feed.lua "http://localhost:$PORT" >/dev/null
MODE=read wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s feed.lua "http://localhost:$PORT" | grep RESULT
# Reads while members post (each post invalidates its group's cached head), ~20 posts/s in the background.
MODE=post DELAY_MS=200 wrk -t1 -c4 -d"$((SECONDS_PER_RUN + 5))s" -s feed.lua "http://localhost:$PORT" > "$WORK/posts.txt" &
POSTS=$!
sleep 2
MODE=read wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s feed.lua "http://localhost:$PORT" | grep RESULT | sed 's/mode=read/mode=read-while-posting/'
wait $POSTS || true
grep RESULT "$WORK/posts.txt" | sed 's/^/background: /'

# The ceiling: an authenticated read with no database at all.
MODE=catalogue wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s feed.lua "http://localhost:$PORT" | grep RESULT

DRIVER=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
java -cp "$DRIVER" FeedBaseline.java "jdbc:mysql://127.0.0.1:3306/$DB" "$WORK/pairs.txt" 32 "$SECONDS_PER_RUN"
echo "errors logged by the service: $(grep -c ' ERROR ' "$WORK/service.log" || true)"
