package com.chroniccare.wechat.alerts;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.IntegrationTest;
import com.chroniccare.wechat.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts end to end through the HTTP API, the real WxJava client and the WeChat sandbox, with a clock the test
 * moves: the Quartz tick is off and the test calls the timers itself after each move.
 */
@IntegrationTest
class AlertingIT {

    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    AlertingApi alerting;
    @Autowired
    WeChatSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReadingsApi readings;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper json;
    Api api;
    CareTeamFixture team;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        team = CareTeamFixture.create(api, jdbc);
    }

    static Map<String, Object> glucose(double mmol, Instant at, String... symptoms) {
        return Map.of("clientId", UUID.randomUUID().toString(), "type", "GLUCOSE", "measuredAt", at.toString(),
                "glucose", Map.of("value", mmol, "unit", "MMOL_L", "context", "RANDOM"), "symptoms", List.of(symptoms));
    }

    static Map<String, Object> bp(int sys, int dia, Instant at, String... symptoms) {
        return Map.of("clientId", UUID.randomUUID().toString(), "type", "BLOOD_PRESSURE", "measuredAt", at.toString(),
                "bloodPressure", Map.of("systolic", sys, "diastolic", dia), "symptoms", List.of(symptoms));
    }

    Instant now() {
        return CLOCK.instant();
    }

    void advance(Duration d) {
        CLOCK.advance(d);
        alerting.runTimers();
    }

    JsonNode alert(String id) {
        return api.get("/api/v1/alerts/" + id, team.doctor().token()).body();
    }

    @Test
    void theStaffPanelListsEachPatientsUnresolvedAlerts() {
        String join = api.post("/api/v1/staff/invites", team.doctor().token(), Map.of("kind", "CARE_TEAM",
                "careTeamId", team.teamId())).body().get("code").asString();
        Api.Patient calm = api.consentedPatient();
        api.post("/api/v1/me/care-team", calm.token(), Map.of("inviteCode", join));
        String alertId = team.submit(glucose(2.8, now())).get(0).get("alerts").get(0).get("id").asString();

        JsonNode panel = api.get("/api/v1/staff/patients", team.doctor().token()).body();
        Map<String, List<String>> open = new HashMap<>();
        panel.forEach(entry -> open.put(entry.get("patientId").asString(),
                entry.get("openAlerts").findValuesAsString("id")));
        assertThat(open).containsOnlyKeys(team.patient().id(), calm.id());
        assertThat(open.get(team.patient().id())).containsExactly(alertId);
        assertThat(open.get(calm.id())).isEmpty();
    }

    @Test
    void aDangerousReadingPagesItsCareTeamOnlyUntilSomeoneAcknowledges() {
        JsonNode result = team.submit(glucose(2.8, now())).get(0);
        JsonNode raised = result.get("alerts").get(0);
        assertThat(raised.get("severity").asString()).isEqualTo("P1");
        assertThat(raised.get("rule").asString()).isEqualTo("GLUCOSE_LOW_LEVEL2");
        assertThat(result.get("advice").get("code").asString()).isEqualTo("TREAT_LOW_RECHECK_15_MIN");
        assertThat(result.get("advice").get("message").asString()).contains("15");
        String id = raised.get("id").asString();

        // Tier 1 is paged at once; tier 2 is not (yet).
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
        JsonNode message = team.messagesTo(team.doctor()).get(0);
        assertThat(message.get("templateId").asString()).isEqualTo("sandbox-alert-template");
        assertThat(message.get("miniprogramState").asString()).isEqualTo("formal");
        assertThat(message.get("lang").asString()).isEqualTo("zh_CN");
        assertThat(team.messagesTo(team.clinician())).isEmpty();

        // Only this care team can see it.
        CareTeamFixture other = CareTeamFixture.create(api, jdbc);
        assertThat(api.get("/api/v1/alerts/" + id, other.doctor().token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/alerts/" + id + "/acknowledge", other.doctor().token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/alerts", other.doctor().token()).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/alerts?status=OPEN", team.doctor().token()).body().get("items").get(0)
                .get("id").asString()).isEqualTo(id);

        advance(Duration.ofMinutes(2));
        assertThat(team.messagesTo(team.doctor())).hasSize(2);

        JsonNode acked = api.post("/api/v1/alerts/" + id + "/acknowledge", team.clinician().token(), Map.of()).body();
        assertThat(acked.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        advance(Duration.ofMinutes(2));
        advance(Duration.ofMinutes(2));
        assertThat(team.messagesTo(team.doctor())).hasSize(2);

        // Acknowledged but not resolved: a P1 pages again after 30 minutes.
        advance(Duration.ofMinutes(27));
        assertThat(team.messagesTo(team.doctor())).hasSize(3);
        assertThat(alert(id).get("status").asString()).isEqualTo("OPEN");

        Api.Response resolved = api.post("/api/v1/alerts/" + id + "/resolve", team.doctor().token(), Map.of("note", "Called patient, ate, 5.6 now"));
        assertThat(resolved.body().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(api.post("/api/v1/alerts/" + id + "/resolve", team.doctor().token(), Map.of("note", "")).status()).isEqualTo(400);
        advance(Duration.ofMinutes(40));
        assertThat(team.messagesTo(team.doctor())).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_audit_log WHERE action IN ('ALERT_ACKNOWLEDGED', 'ALERT_RESOLVED')"
                + " AND patient_id = ?", Integer.class, Long.parseLong(team.patient().id()))).isEqualTo(2);
    }

    @Test
    void adviceOfReadingsEvaluatedElsewhereIsReadWithoutWaitingForThePatientsLock() throws Exception {
        team.submit(glucose(5.6, now())); // the first evaluation creates the patient's alerting row
        long patientId = Long.parseLong(team.patient().id());
        try (Connection holder = dataSource.getConnection()) {
            // An evaluation in progress holds the patient's alerting row...
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT * FROM alert_patient WHERE patient_id = " + patientId + " FOR UPDATE").close();
            }
            // ...while the sticker rewards ask for the advice of a reading that another instance evaluated.
            ReadingOutcome low = readings.record(patientId, List.of(new ReadingInput(UUID.randomUUID().toString(),
                    ReadingType.GLUCOSE, now(), new ReadingInput.Glucose(new BigDecimal("2.8"), GlucoseUnit.MMOL_L,
                    GlucoseContext.RANDOM, null), null, null, null, null))).get(0);
            jdbc.update("INSERT INTO alert_evaluation (reading_id, patient_id, advice, evaluated_at)"
                    + " VALUES (?, ?, 'TREAT_LOW_RECHECK_15_MIN', ?)", low.readingId(), patientId, Timestamp.from(now()));

            assertThat(CompletableFuture.supplyAsync(() -> alerting.adviceFor(List.of(low.reading())))
                    .get(5, TimeUnit.SECONDS)).containsExactly(Advice.TREAT_LOW_RECHECK_15_MIN);
            holder.rollback();
        }
    }

    @Test
    void anUnacknowledgedAlertEscalatesToTheNextTier() {
        team.submit(glucose(2.5, now()));
        advance(Duration.ofMinutes(10));
        assertThat(team.messagesTo(team.clinician())).hasSize(1);
        assertThat(team.messagesTo(team.clinician()).get(0).get("data").toString()).contains("ESCALATION");
    }

    @Test
    void aBloodPressureCrisisWaitsForARepeatUnlessThereAreSymptoms() {
        JsonNode held = team.submit(bp(192, 100, now())).get(0);
        assertThat(held.get("advice").get("code").asString()).isEqualTo("REMEASURE_BP_5_MIN");
        String id = held.get("alerts").get(0).get("id").asString();
        assertThat(alert(id).get("status").asString()).isEqualTo("PENDING");
        assertThat(team.messagesTo(team.doctor())).isEmpty();

        CLOCK.advance(Duration.ofMinutes(4));
        team.submit(bp(188, 104, now()));
        assertThat(alert(id).get("status").asString()).isEqualTo("OPEN");
        assertThat(alert(id).get("readingCount").asInt()).isEqualTo(2);
        assertThat(team.messagesTo(team.doctor())).hasSize(1);

        CareTeamFixture calm = CareTeamFixture.create(api, jdbc);
        String second = calm.submit(bp(195, 95, now())).get(0).get("alerts").get(0).get("id").asString();
        CLOCK.advance(Duration.ofMinutes(3));
        calm.submit(bp(128, 82, now()));
        JsonNode notConfirmed = api.get("/api/v1/alerts/" + second, calm.doctor().token()).body();
        assertThat(notConfirmed.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(notConfirmed.get("resolution").asString()).isEqualTo("NOT_CONFIRMED");

        CareTeamFixture silent = CareTeamFixture.create(api, jdbc);
        String third = silent.submit(bp(200, 118, now())).get(0).get("alerts").get(0).get("id").asString();
        advance(Duration.ofMinutes(11));
        assertThat(api.get("/api/v1/alerts/" + third, silent.doctor().token()).body().get("status").asString()).isEqualTo("OPEN");
        assertThat(silent.messagesTo(silent.doctor())).hasSize(1);

        CareTeamFixture chestPain = CareTeamFixture.create(api, jdbc);
        JsonNode urgent = chestPain.submit(bp(186, 100, now(), "CHEST_PAIN")).get(0);
        assertThat(urgent.get("advice").get("code").asString()).isEqualTo("CALL_120_NOW");
        assertThat(chestPain.messagesTo(chestPain.doctor())).hasSize(1);
    }

    @Test
    void snoozeHoldsRepeatsAndCannotBeRenewedWhileActive() {
        String id = team.submit(glucose(3.5, now())).get(0).get("alerts").get(0).get("id").asString();
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
        assertThat(api.post("/api/v1/alerts/" + id + "/snooze", team.doctor().token(), Map.of("minutes", 45)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/alerts/" + id + "/snooze", team.doctor().token(), Map.of("minutes", 30)).status()).isEqualTo(200);
        Api.Response again = api.post("/api/v1/alerts/" + id + "/snooze", team.doctor().token(), Map.of("minutes", 15));
        assertThat(again.status()).isEqualTo(409);
        advance(Duration.ofMinutes(16));
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
        advance(Duration.ofMinutes(15));
        assertThat(team.messagesTo(team.doctor())).hasSize(2);
    }

    @Test
    void readingsBackInRangeResolveWithHysteresisAndSaySo() {
        String id = team.submit(glucose(2.9, now())).get(0).get("alerts").get(0).get("id").asString();
        CLOCK.advance(Duration.ofMinutes(15));
        team.submit(glucose(4.2, now()));
        assertThat(alert(id).get("status").asString()).isEqualTo("OPEN");
        CLOCK.advance(Duration.ofMinutes(15));
        team.submit(glucose(5.1, now()));
        JsonNode resolved = alert(id);
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asString()).isEqualTo("AUTO");
        assertThat(resolved.get("resolutionNote").asString()).contains("back in range");
    }

    @Test
    void furtherReadingsAttachToTheEpisodeAndOnlyAWorseOnePagesAgain() {
        String id = team.submit(glucose(3.6, now())).get(0).get("alerts").get(0).get("id").asString();
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(team.submit(glucose(3.4, now())).get(0).get("alerts").get(0).get("id").asString()).isEqualTo(id);
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
        CLOCK.advance(Duration.ofMinutes(5));
        team.submit(glucose(2.6, now()));
        JsonNode worse = alert(id);
        assertThat(worse.get("severity").asString()).isEqualTo("P1");
        assertThat(worse.get("readingCount").asInt()).isEqualTo(3);
        assertThat(team.messagesTo(team.doctor())).hasSize(2);

        // A grade-2 reading during an open crisis is attached to it, not paged as something new.
        CareTeamFixture crisis = CareTeamFixture.create(api, jdbc);
        String bpId = crisis.submit(bp(196, 112, now(), "SEVERE_HEADACHE")).get(0).get("alerts").get(0).get("id").asString();
        CLOCK.advance(Duration.ofMinutes(20));
        crisis.submit(bp(166, 102, now()));
        assertThat(api.get("/api/v1/alerts/" + bpId, crisis.doctor().token()).body().get("severity").asString()).isEqualTo("P1");
        assertThat(crisis.messagesTo(crisis.doctor())).hasSize(1);
    }

    @Test
    void rulesThatLookBackSeeTheReadingsSubmittedBefore() {
        assertThat(team.submit(glucose(14.5, now())).get(0).get("alerts").get(0).get("rule").asString())
                .isEqualTo("GLUCOSE_HIGH");
        CLOCK.advance(Duration.ofHours(3));
        assertThat(team.submit(glucose(15.0, now())).get(0).get("alerts").get(0).get("rule").asString())
                .isEqualTo("GLUCOSE_HIGH_SUSTAINED");

        // 180/108 alone is grade 3; with 150/95 five minutes before, the session's mean is grade 2.
        CareTeamFixture session = CareTeamFixture.create(api, jdbc);
        session.submit(bp(150, 95, now()));
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(session.submit(bp(180, 108, now())).get(0).get("alerts").get(0).get("rule").asString())
                .isEqualTo("BP_GRADE2");
    }

    @Test
    void lateBackfillGoesToReviewWithoutPaging() {
        JsonNode result = team.submit(glucose(2.6, now().minus(Duration.ofHours(3)))).get(0);
        JsonNode alert = alert(result.get("alerts").get(0).get("id").asString());
        assertThat(alert.get("review").asBoolean()).isTrue();
        advance(Duration.ofMinutes(5));
        assertThat(team.messagesTo(team.doctor())).isEmpty();
    }

    @Test
    void failedDeliveriesAreVisibleAndRetriedWithBackoff() {
        sandbox.failNextSends(45009, 1);
        String id = team.submit(glucose(2.4, now())).get(0).get("alerts").get(0).get("id").asString();
        JsonNode failed = api.get("/api/v1/alerts/" + id + "/deliveries", team.doctor().token()).body().get(0);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("errorCode").asInt()).isEqualTo(45009);
        assertThat(team.messagesTo(team.doctor())).isEmpty();
        assertThat(api.get("/api/v1/alerts?status=OPEN", team.doctor().token()).body().get("items")).hasSize(1);

        advance(Duration.ofSeconds(31));
        JsonNode retried = api.get("/api/v1/alerts/" + id + "/deliveries", team.doctor().token()).body().get(0);
        assertThat(retried.get("status").asString()).isEqualTo("SENT");
        assertThat(retried.get("attempt").asInt()).isEqualTo(2);
        assertThat(team.messagesTo(team.doctor())).hasSize(1);
    }

    @Test
    void thresholdsAreValidatedAuditedAndApplied() {
        String path = "/api/v1/staff/patients/" + team.patient().id() + "/thresholds";
        JsonNode settings = api.get(path, team.doctor().token()).body();
        assertThat(settings.get("defaults").asBoolean()).isTrue();
        Map<String, Object> thresholds = new java.util.HashMap<>(api.json(settings.get("thresholds")));

        thresholds.put("glucoseLow", 9.0);
        Api.Response absurd = api.put(path, team.doctor().token(), Map.of("thresholds", thresholds, "reason", "typo"));
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.body().get("errors").toString()).contains("glucoseLow");

        thresholds.put("glucoseLow", 4.4);
        Api.Response ok = api.put(path, team.doctor().token(), Map.of("thresholds", thresholds,
                "reason", "frail, lives alone: catch lows earlier"));
        assertThat(ok.body().get("defaults").asBoolean()).isFalse();
        assertThat(ok.body().get("reason").asString()).contains("frail");
        assertThat(team.submit(glucose(4.2, now())).get(0).get("alerts").get(0).get("rule").asString())
                .isEqualTo("GLUCOSE_LOW_LEVEL1");
        assertThat(api.get(path, CareTeamFixture.create(api, jdbc).doctor().token()).status()).isEqualTo(404);
    }

    @Test
    void aSilencedRuleRaisesButDoesNotPage() {
        Api.Response silence = api.post("/api/v1/staff/patients/" + team.patient().id() + "/silences", team.doctor().token(),
                Map.of("rule", "GLUCOSE_LOW", "until", now().plus(Duration.ofHours(2)).toString(), "reason", "sensor trial"));
        assertThat(silence.status()).isEqualTo(201);
        assertThat(team.submit(glucose(2.9, now())).get(0).get("alerts")).hasSize(1);
        advance(Duration.ofMinutes(3));
        assertThat(team.messagesTo(team.doctor())).isEmpty();
    }

    @Test
    void theLiveStreamCarriesAlertsOfMyPatientsOnly() throws Exception {
        List<String> mine = new CopyOnWriteArrayList<>();
        List<String> theirs = new CopyOnWriteArrayList<>();
        CareTeamFixture other = CareTeamFixture.create(api, jdbc);
        listen(team.doctor().token(), mine);
        listen(other.doctor().token(), theirs);
        await().atMost(Duration.ofSeconds(5)).until(() -> mine.contains(":connected") && theirs.contains(":connected"));

        // Two alerts raised in one transaction: the stream carries each.
        JsonNode results = team.submit(glucose(2.6, now()), bp(185, 100, now()));
        List<String> ids = List.of(results.get(0).get("alerts").get(0).get("id").asString(),
                results.get(1).get("alerts").get(0).get("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> mine.contains("id:" + id)));
        assertThat(theirs).noneMatch(l -> ids.stream().anyMatch(l::contains));

        // An instance of 0.5.0 or earlier, during a rolling upgrade, publishes each change on its own.
        AlertView single = alerting.get(Long.parseLong(team.doctor().id()), Long.parseLong(ids.get(0)));
        redis.convertAndSend(AlertStream.CHANNEL, json.writeValueAsString(single));
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.stream().filter(("id:" + ids.get(0))::equals).count() == 2);
    }

    /** Reads an SSE stream line by line in the background. */
    private void listen(String token, List<String> lines) {
        CompletableFuture.runAsync(() -> {
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                        api.request("/api/v1/alerts/stream", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                lines.add(":connected");
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                lines.add(":error " + e);
            }
        });
    }
}
