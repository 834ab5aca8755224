package com.chroniccare.wechat.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.Instances;
import com.chroniccare.wechat.support.SharedParts;
import com.chroniccare.wechat.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerting across instances and failures: two instances on one database, Redis and WeChat sandbox page once, not
 * twice; a reading saved just before a crash is evaluated after the restart; Redis restarting mid-way only delays.
 */
class AlertClusterIT {

    @TempDir
    Path dir;
    SharedParts shared;
    WeChatSandbox sandbox;
    final MutableClock clock = new MutableClock(Instant.now());

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
        Map<String, Object> p = shared.properties(dir);
        p.put("spring.data.redis.timeout", "500ms");
        p.put("spring.quartz.auto-startup", false);
        return p;
    }

    static Map<String, Object> glucose(double mmol, Instant at) {
        return Map.of("clientId", UUID.randomUUID().toString(), "type", "GLUCOSE", "measuredAt", at.toString(),
                "glucose", Map.of("value", mmol, "unit", "MMOL_L", "context", "RANDOM"));
    }

    @Test
    void twoInstancesTickingTogetherPageAndEscalateOnce() {
        try (ConfigurableApplicationContext a = Instances.start(properties(), clock);
             ConfigurableApplicationContext b = Instances.start(properties(), clock)) {
            CareTeamFixture team = CareTeamFixture.create(new Api(Instances.port(a)), a.getBean(JdbcTemplate.class));
            team.submit(glucose(2.5, clock.instant()));
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(1);

            clock.advance(Duration.ofMinutes(2));
            tickTogether(a, b);
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(2);

            clock.advance(Duration.ofMinutes(8));
            tickTogether(a, b);
            assertThat(sandbox.messagesTo(team.clinician().openid())).hasSize(1);
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(3);
        }
    }

    @Test
    void aReadingSavedBeforeACrashIsEvaluatedAfterTheRestart() {
        String alertId;
        String readingId;
        CareTeamFixture team;
        try (ConfigurableApplicationContext app = Instances.start(properties(), clock)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            team = CareTeamFixture.create(new Api(Instances.port(app)), jdbc);
            var result = team.submit(glucose(2.7, clock.instant())).get(0);
            readingId = result.get("readingId").asString();
            alertId = result.get("alerts").get(0).get("id").asString();
            // What a crash right after the reading's commit leaves: the reading, an incomplete publication, no alert.
            jdbc.update("DELETE FROM alert_alert_reading WHERE reading_id = ?", Long.parseLong(readingId));
            jdbc.update("DELETE FROM alert_alert WHERE id = ?", Long.parseLong(alertId));
            jdbc.update("DELETE FROM alert_evaluation WHERE reading_id = ?", Long.parseLong(readingId));
            jdbc.update("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, STATUS = 'PUBLISHED'"
                    + " WHERE SERIALIZED_EVENT LIKE ? AND LISTENER_ID LIKE '%alerting%'", "%\"id\":" + readingId + ",%");
        }
        try (ConfigurableApplicationContext app = Instances.start(properties(), clock)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM alert_alert_reading WHERE reading_id = ?", Integer.class, Long.parseLong(readingId)) == 1);
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(2);
        }
    }

    @Test
    void aRedisRestartDelaysDeliveryButLosesNothing() throws Exception {
        try (ConfigurableApplicationContext app = Instances.start(properties(), clock)) {
            CareTeamFixture team = CareTeamFixture.create(new Api(Instances.port(app)), app.getBean(JdbcTemplate.class));
            team.submit(glucose(2.6, clock.instant()));
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(1);

            shared.stopRedis();
            clock.advance(Duration.ofMinutes(2));
            // The repeat goes out now if the instance still holds the access token (kept a second), or once Redis
            // is back; either way exactly once.
            app.getBean(AlertingApi.class).runTimers();

            shared.startRedis();
            clock.advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                app.getBean(AlertingApi.class).runTimers();
                assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(2);
            });
            app.getBean(AlertingApi.class).runTimers();
            assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(2);
        }
    }

    private static void tickTogether(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> a.getBean(AlertingApi.class).runTimers()),
                CompletableFuture.runAsync(() -> b.getBean(AlertingApi.class).runTimers())).join();
    }
}
