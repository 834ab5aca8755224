package com.chroniccare.wechat.reminders;

import java.io.File;
import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.chroniccare.CareApplication;
import com.chroniccare.reminder.ReminderTicks;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Instances;
import com.chroniccare.wechat.support.ReminderSeed;
import com.chroniccare.wechat.support.SharedParts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Dispatch across instances and crashes: two instances drain one due-queue and send every reminder exactly once;
 * a dispatcher process killed with SIGKILL mid-send loses nothing and nothing it may have sent is sent again.
 */
class ReminderClusterIT {

    static final String TEMPLATE = "sandbox-reminder-template";

    @TempDir
    Path dir;
    SharedParts shared;
    WeChatSandbox sandbox;

    @BeforeEach
    void start() {
        shared = new SharedParts();
        sandbox = shared.sandbox();
    }

    @AfterEach
    void stop() throws Exception {
        shared.close();
    }

    Map<String, Object> properties() {
        return shared.properties(dir);
    }

    @Test
    void twoInstancesSendTenThousandDueRemindersExactlyOnce() throws Exception {
        Map<String, Object> p = properties();
        p.put("spring.quartz.auto-startup", false);
        try (ConfigurableApplicationContext a = Instances.start(p);
             ConfigurableApplicationContext b = Instances.start(p)) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            ReminderSeed.Seeded seed = ReminderSeed.seed(jdbc, "o-two-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                    10_000, Instant.now().truncatedTo(ChronoUnit.MINUTES), TEMPLATE);

            CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(() -> a.getBean(ReminderTicks.class).dispatch());
            CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(() -> b.getBean(ReminderTicks.class).dispatch());

            assertThat(byA.get() + byB.get()).isEqualTo(10_000);
            if (sharedDatabase()) {
                // Embedded H2 takes row locks in its own way (and is single-instance in production), so one instance
                // may claim everything there; on MySQL SKIP LOCKED must let both work at once.
                assertThat(byA.get()).as("instance a's share").isPositive();
                assertThat(byB.get()).as("instance b's share").isPositive();
            }
            assertThat(seed.statuses(jdbc)).containsExactly("SENT=10000");
            assertThat(sandbox.summary()).isEqualTo(new WeChatSandbox.Summary(10_000, 10_000, 0));
            assertThat(jdbc.queryForObject("SELECT SUM(remaining) FROM wx_subscription WHERE user_id IN"
                    + " (SELECT id FROM core_user WHERE openid LIKE ?)", Integer.class, seed.like())).isZero();
        }
    }

    /**
     * A separate service process dispatches (Quartz-driven) against a deliberately slow WeChat and is killed with
     * SIGKILL part-way. A second instance's sweep requeues what was only claimed and closes what was in flight as
     * UNCERTAIN (delivered or not, never resent), then dispatches the rest.
     */
    @Test
    void aDispatcherKilledMidBatchLosesNothingAndResendsNothing() throws Exception {
        assumeTrue(sharedDatabase(),
                "needs a database two processes can share (MariaDB/MySQL; run with -Pmysql)");
        Map<String, Object> p = properties();
        p.put("care.reminders.dispatch-tick", "1s");
        p.put("care.reminders.sweep-tick", "1s");
        p.put("care.reminders.lease", "3s");
        p.put("care.reminders.concurrency", 8);
        p.put("care.reminders.batch-size", 100);
        int n = 3_000;
        int wave = 8 * 4;
        sandbox.delaySends(Duration.ofMillis(20));

        Process dispatcher = startProcess(p);
        try (ConfigurableApplicationContext seeder = seeder(p)) {
            JdbcTemplate jdbc = seeder.getBean(JdbcTemplate.class);
            ReminderSeed.Seeded seed = ReminderSeed.seed(jdbc, "o-kill-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                    n, Instant.now().truncatedTo(ChronoUnit.MINUTES), TEMPLATE);
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> sandbox.summary().total() >= 500
                    || !dispatcher.isAlive());
            assertThat(dispatcher.isAlive()).as("dispatcher process running").isTrue();
            dispatcher.destroyForcibly().waitFor();
            long atKill = sandbox.summary().total();
            assertThat(atKill).isLessThan(n);

            // The survivor: its own Quartz ticks sweep expired leases and dispatch what is left.
            try (ConfigurableApplicationContext survivor = Instances.start(p)) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).until(() ->
                        seed.statuses(jdbc).stream().noneMatch(s -> s.startsWith("PENDING")
                                || s.startsWith("CLAIMED") || s.startsWith("SENDING")));
            }
            int sent = seed.count(jdbc, "SENT");
            int uncertain = seed.count(jdbc, "UNCERTAIN");
            WeChatSandbox.Summary summary = sandbox.summary();
            assertThat(sent + uncertain).as("every reminder accounted for: " + seed.statuses(jdbc))
                    .isEqualTo(n);
            assertThat(uncertain).as("at most the wave in flight is in doubt").isLessThanOrEqualTo(wave);
            assertThat(summary.duplicates()).as("nothing sent twice").isZero();
            assertThat(summary.total()).isBetween((long) sent, (long) sent + uncertain);
            for (String openid : jdbc.queryForList("SELECT u.openid FROM rem_push p JOIN core_user u"
                    + " ON u.id = p.patient_id WHERE u.openid LIKE ? AND p.due_at = ? AND p.status = 'SENT'", String.class,
                    seed.like(), Timestamp.from(seed.dueAt()))) {
                assertThat(sandbox.messagesTo(openid)).hasSize(1);
            }
        } finally {
            dispatcher.destroyForcibly();
        }
    }

    /** An instance that only writes the seed: no Quartz, so it dispatches nothing itself. */
    private static ConfigurableApplicationContext seeder(Map<String, Object> p) {
        Map<String, Object> q = new HashMap<>(p);
        q.put("spring.quartz.auto-startup", false);
        return Instances.start(q);
    }

    /** The service as a separate JVM on the test's classpath, so that it can be killed like a real process. */
    private Process startProcess(Map<String, Object> properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CareApplication.class.getName());
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=0");
        File log = new File("target/reminder-dispatcher.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static boolean sharedDatabase() {
        return !System.getProperty("it.datasource.url", "").isBlank();
    }
}
