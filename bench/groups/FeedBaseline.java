import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Baseline for the groups feed benchmark: the same first page read straight from MySQL over JDBC, with the
 * service's statements (membership, pinned broadcasts, newest posts, their sticker counts, the reader's own
 * reactions), from T threads for S seconds. No HTTP, auth, JSON or cache.
 * Usage: java -cp mysql-connector-j.jar FeedBaseline.java <jdbcUrl> <pairs-file> <threads> <seconds>
 */
public class FeedBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<long[]> pairs = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1]))) {
            String[] p = line.trim().split(" ");
            if (p.length == 3) {
                pairs.add(new long[]{Long.parseLong(p[1]), Long.parseLong(p[2])});
            }
        }
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url, "root", "")) {
                    PreparedStatement member = c.prepareStatement(
                            "SELECT * FROM grp_member WHERE group_id = ? AND user_id = ?");
                    PreparedStatement pinned = c.prepareStatement("SELECT * FROM grp_post WHERE group_id = ? AND"
                            + " status = 'PUBLISHED' AND pinned = TRUE ORDER BY id DESC LIMIT 10");
                    PreparedStatement page = c.prepareStatement("SELECT * FROM grp_post WHERE group_id = ? AND"
                            + " status = 'PUBLISHED' AND pinned = FALSE AND id < ? ORDER BY id DESC LIMIT 21");
                    while (running.get()) {
                        long[] pair = pairs.get(ThreadLocalRandom.current().nextInt(pairs.size()));
                        long start = System.nanoTime();
                        member.setLong(1, pair[1]);
                        member.setLong(2, pair[0]);
                        drain(member.executeQuery());
                        pinned.setLong(1, pair[1]);
                        List<Long> ids = drain(pinned.executeQuery());
                        page.setLong(1, pair[1]);
                        page.setLong(2, Long.MAX_VALUE);
                        ids.addAll(drain(page.executeQuery()));
                        if (!ids.isEmpty()) {
                            String in = String.join(",", ids.stream().map(String::valueOf).toList());
                            try (var s = c.createStatement()) {
                                drain(s.executeQuery("SELECT post_id, sticker, COUNT(*) AS n FROM grp_reaction WHERE"
                                        + " post_id IN (" + in + ") GROUP BY post_id, sticker"));
                                drain(s.executeQuery("SELECT post_id, sticker FROM grp_reaction WHERE user_id = "
                                        + pair[0] + " AND post_id IN (" + in + ")"));
                            }
                        }
                        mine.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                latencies.addAll(mine);
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread w : workers) {
            w.join();
        }
        Collections.sort(latencies);
        System.out.printf("RESULT mode=jdbc-baseline reads/s=%.0f p50_ms=%.1f p99_ms=%.1f%n",
                latencies.size() / (double) seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get(latencies.size() * 99 / 100) / 1e6);
    }

    private static List<Long> drain(ResultSet rs) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
