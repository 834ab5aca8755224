import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The control for bench/reminders: the same reminders scheduled the way notes/scheduling-at-scale.md advises
 * against, one Quartz trigger each in the clustered JDBC store, each firing one subscribe send to the same sandbox.
 * Triggers are stored while the scheduler is on standby, all due at the moment it starts; it then runs for a fixed
 * window and reports how many fired. The misfire threshold is raised to an hour so that Quartz is measured firing,
 * not handling misfires (which favours Quartz).
 * Usage: java QuartzControl <jdbc-url> <sandbox-url> <reminders> <window-seconds> <threads>
 */
public class QuartzControl {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ConcurrentLinkedQueue<Long> LATENESS = new ConcurrentLinkedQueue<>();
    static final AtomicLong FAILED = new AtomicLong();
    static volatile String sendUrl;
    static volatile long dueMillis;

    public static class Send implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            String openid = context.getMergedJobDataMap().getString("openid");
            String body = "{\"touser\":\"" + openid + "\",\"template_id\":\"control-template\",\"page\":\"pages/reminders/today?quartz="
                    + context.getJobDetail().getKey().getName() + "\",\"data\":{\"thing1\":{\"value\":\"二甲双胍\"}}}";
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sendUrl))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!r.body().contains("\"errcode\":0")) {
                    FAILED.incrementAndGet();
                }
            } catch (Exception e) {
                FAILED.incrementAndGet();
            }
            LATENESS.add(System.currentTimeMillis() - dueMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String sandbox = args[1];
        int n = Integer.parseInt(args[2]);
        int windowSeconds = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        String token = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/cgi-bin/token?grant_type=client_credential"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        sendUrl = sandbox + "/cgi-bin/message/subscribe/send?access_token=" + token;

        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", "control");
        p.put("org.quartz.scheduler.instanceId", "AUTO");
        p.put("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", "ds");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.misfireThreshold", "3600000");
        p.put("org.quartz.dataSource.ds.provider", "hikaricp");
        p.put("org.quartz.dataSource.ds.driver", "com.mysql.cj.jdbc.Driver");
        p.put("org.quartz.dataSource.ds.URL", jdbcUrl);
        p.put("org.quartz.dataSource.ds.user", "root");
        p.put("org.quartz.dataSource.ds.password", "");
        p.put("org.quartz.dataSource.ds.maxConnections", String.valueOf(threads + 8));
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.clear();

        long scheduleStart = System.nanoTime();
        Date due = new Date();
        for (int i = 0; i < n; i++) {
            scheduler.scheduleJob(JobBuilder.newJob(Send.class).withIdentity("reminder-" + i)
                            .usingJobData("openid", "o-control-" + i).build(),
                    TriggerBuilder.newTrigger().withIdentity("reminder-" + i).startAt(due)
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withMisfireHandlingInstructionFireNow()).build());
        }
        double scheduleSeconds = (System.nanoTime() - scheduleStart) / 1e9;

        dueMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        scheduler.start();
        long deadline = start + windowSeconds * 1_000_000_000L;
        while (LATENESS.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int fired = LATENESS.size();
        scheduler.standby();
        scheduler.clear();
        scheduler.shutdown(false);

        List<Long> lateness = new ArrayList<>(LATENESS);
        Collections.sort(lateness);
        double rate = fired / elapsed;
        System.out.printf("RESULT quartz-control reminders=%d stored_in=%.1fs fired=%d in=%.1fs fires_per_s=%.0f"
                        + " failed=%d lateness_p50_ms=%d lateness_p99_ms=%d projected_all_out_s=%.0f%n",
                n, scheduleSeconds, fired, elapsed, rate, FAILED.get(), percentile(lateness, 50),
                percentile(lateness, 99), n / rate);
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
