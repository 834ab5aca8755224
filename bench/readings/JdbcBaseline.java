import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Baseline for the readings benchmark: the same rows inserted straight over JDBC, one transaction per "request"
 * (1 row, or a batch of N), from T threads for S seconds. No HTTP, auth, validation, dedup or audit: the floor the
 * service's overhead is measured against.
 * Usage: java -cp mysql-connector-j.jar JdbcBaseline.java <jdbcUrl> <rowsPerTx> <threads> <seconds>
 */
public class JdbcBaseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Long>> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long patient = 9_000_000 + t;
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url, "root", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO core_reading (patient_id, client_id,"
                            + " content_hash, type, measured_at, received_at, late_backfill, glucose_mmol, glucose_value,"
                            + " glucose_unit, glucose_context, source) VALUES (?, ?, ?, 'GLUCOSE', ?, ?, false, 6.1, 6.1,"
                            + " 'MMOL_L', 'FASTING', 'MANUAL')");
                    while (running.get()) {
                        long start = System.nanoTime();
                        Timestamp now = Timestamp.from(Instant.now());
                        for (int i = 0; i < rows; i++) {
                            insert.setLong(1, patient);
                            insert.setString(2, UUID.randomUUID().toString());
                            insert.setString(3, "0".repeat(64));
                            insert.setTimestamp(4, now);
                            insert.setTimestamp(5, now);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        mine.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies.add(mine);
            });
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        double tps = all.size() / (double) seconds;
        System.out.printf("RESULT mode=jdbc-%d requests/s=%.0f readings/s=%.0f p50_ms=%.1f p99_ms=%.1f errors=0%n",
                rows, tps, tps * rows, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }
}
