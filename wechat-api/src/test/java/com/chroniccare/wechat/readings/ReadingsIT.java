package com.chroniccare.wechat.readings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.chroniccare.core.ReadingsRecorded;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ReadingsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordedEvents recorded;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Stands in for alerting: a module listener fed from the event publication log. */
    @TestConfiguration
    static class Listener {
        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }

    static class RecordedEvents {
        private final List<ReadingsRecorded> events = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ReadingsRecorded event) {
            events.add(event);
        }

        /** A method, not the field: the listener is proxied for its transaction. */
        List<ReadingsRecorded> events() {
            return events;
        }
    }

    static Map<String, Object> glucose(String clientId, Instant at, Object value, String unit) {
        return Map.of("clientId", clientId, "type", "GLUCOSE", "measuredAt", at.toString(),
                "glucose", Map.of("value", value, "unit", unit, "context", "FASTING"), "source", "MANUAL");
    }

    static Map<String, Object> bp(String clientId, Instant at, int sys, int dia) {
        return Map.of("clientId", clientId, "type", "BLOOD_PRESSURE", "measuredAt", at.toString(),
                "bloodPressure", Map.of("systolic", sys, "diastolic", dia, "pulse", 70));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    Api.Response submit(String token, Object... readings) {
        return api.post("/api/v1/readings", token, Map.of("readings", List.of(readings)));
    }

    @Test
    void readingsAreRefusedUntilTheHealthDataConsentIsGiven() {
        String token = api.login("no-consent-" + id());
        Api.Response refused = submit(token, glucose(id(), Instant.now(), 5.6, "MMOL_L"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asString()).isEqualTo("CONSENT_REQUIRED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        String version = api.get("/api/v1/me/consents", token).body().get("policyVersion").asString();
        Api.Response outdated = api.post("/api/v1/me/consents", token,
                Map.of("policyVersion", "1999-01", "scopes", List.of("HEALTH_DATA")));
        assertThat(outdated.body().get("errors").get(0).get("code").asString()).isEqualTo("POLICY_OUTDATED");
        api.post("/api/v1/me/consents", token, Map.of("policyVersion", version, "scopes", List.of("HEALTH_DATA")));
        assertThat(submit(token, glucose(id(), Instant.now(), 5.6, "MMOL_L")).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/me/consents/HEALTH_DATA", token).status()).isEqualTo(204);
        assertThat(submit(token, glucose(id(), Instant.now(), 5.6, "MMOL_L")).status()).isEqualTo(403);
    }

    @Test
    void aBatchGetsOneResultPerReadingAndABadReadingNeverRejectsItsNeighbours() {
        Api.Patient p = api.consentedPatient();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String good = id(), mixup = id(), swapped = id(), future = id(), badEnum = id(), mgdl = id();
        Api.Response r = submit(p.token(),
                glucose(good, now, 6.1, "MMOL_L"),
                glucose(mixup, now, 126, "MMOL_L"),
                bp(swapped, now, 80, 120),
                glucose(future, now.plus(Duration.ofMinutes(10)), 6.1, "MMOL_L"),
                Map.of("clientId", badEnum, "type", "KETONES", "measuredAt", now.toString()),
                glucose(mgdl, now, 70, "MG_DL"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.body().get("results");
        assertThat(results).hasSize(6);
        assertThat(status(results, 0)).isEqualTo("CREATED");
        assertThat(problemCode(results, 1)).isEqualTo("READING_IMPLAUSIBLE");
        assertThat(results.get(1).get("problem").get("errors").get(0).get("code").asString()).isEqualTo("UNIT_MIXUP");
        assertThat(results.get(2).get("problem").get("errors").get(0).get("code").asString()).isEqualTo("SWAPPED");
        assertThat(problemCode(results, 3)).isEqualTo("READING_IN_FUTURE");
        assertThat(problemCode(results, 4)).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(4).get("clientId").asString()).isEqualTo(badEnum);
        assertThat(status(results, 5)).isEqualTo("CREATED");

        JsonNode stored = api.get("/api/v1/readings/" + results.get(5).get("readingId").asString(), p.token()).body();
        assertThat(stored.get("glucose").get("unit").asString()).isEqualTo("MG_DL");
        assertThat(stored.get("glucose").get("value").decimalValue()).isEqualByComparingTo("70");
        assertThat(stored.get("glucose").get("mmolL").decimalValue()).isEqualByComparingTo("3.89");
        assertThat(count(p.id())).isEqualTo(2);
    }

    @Test
    void aResentReadingIsADuplicateAndAReusedClientIdWithOtherContentIsAConflict() {
        Api.Patient p = api.consentedPatient();
        Instant at = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
        String clientId = id();
        JsonNode first = submit(p.token(), bp(clientId, at, 150, 95)).body().get("results").get(0);
        JsonNode again = submit(p.token(), bp(clientId, at, 150, 95)).body().get("results").get(0);
        JsonNode changed = submit(p.token(), bp(clientId, at, 151, 95)).body().get("results").get(0);

        assertThat(first.get("status").asString()).isEqualTo("CREATED");
        assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("readingId").asString()).isEqualTo(first.get("readingId").asString());
        assertThat(changed.get("status").asString()).isEqualTo("REJECTED");
        assertThat(changed.get("problem").get("code").asString()).isEqualTo("READING_CONFLICT");
        assertThat(count(p.id())).isEqualTo(1);
    }

    @Test
    void theSameBatchSentTwiceAtOnceIsStoredOnce() {
        Api.Patient p = api.consentedPatient();
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(glucose(id(), Instant.now().minus(Duration.ofMinutes(i)), 5.0 + i / 10.0, "MMOL_L"));
        }
        Object[] readings = batch.toArray();
        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> submit(p.token(), readings));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> submit(p.token(), readings));
        assertThat(a.join().status()).isEqualTo(200);
        assertThat(b.join().status()).isEqualTo(200);
        assertThat(count(p.id())).isEqualTo(50);
    }

    @Test
    void aFullOfflineBatchIsStoredAndEvaluatedWithEachResultOnItsOwnReading() {
        Api.Patient p = api.consentedPatient();
        Instant start = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        List<Object> batch = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < 498; i++) {
            clientIds.add("full-" + i + "-" + id());
            batch.add(glucose(clientIds.get(i), start.plus(Duration.ofMinutes(14L * i)), 4.0 + (i % 60) / 10.0, "MMOL_L"));
        }
        batch.add(batch.get(7));
        batch.add(glucose(clientIds.get(8), start.plus(Duration.ofMinutes(14L * 8)), 12.5, "MMOL_L"));

        JsonNode results = submit(p.token(), batch.toArray()).body().get("results");

        // Stored in one statement: every result must still name the row of its own reading.
        Map<Long, String> stored = new HashMap<>();
        jdbc.query("SELECT id, client_id FROM core_reading WHERE patient_id = ?",
                row -> { stored.put(row.getLong(1), row.getString(2)); }, Long.parseLong(p.id()));
        assertThat(stored).hasSize(498);
        for (int i = 0; i < 498; i++) {
            assertThat(status(results, i)).isEqualTo("CREATED");
            assertThat(stored.get(results.get(i).get("readingId").asLong())).isEqualTo(clientIds.get(i));
        }
        assertThat(status(results, 498)).isEqualTo("DUPLICATE");
        assertThat(results.get(498).get("readingId").asString()).isEqualTo(results.get(7).get("readingId").asString());
        assertThat(problemCode(results, 499)).isEqualTo("READING_CONFLICT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_evaluation WHERE patient_id = ?", Integer.class,
                Long.parseLong(p.id()))).isEqualTo(498);
    }

    @Test
    void offlineBackfillIsMarkedLateAndEveryStoredReadingIsPublished() {
        Api.Patient p = api.consentedPatient();
        String fresh = id(), late = id();
        JsonNode results = submit(p.token(), glucose(fresh, Instant.now().minus(Duration.ofMinutes(2)), 7.2, "MMOL_L"),
                glucose(late, Instant.now().minus(Duration.ofHours(20)), 3.2, "MMOL_L")).body().get("results");

        // The request's stored readings travel together, as one event.
        long patientId = Long.parseLong(p.id());
        Predicate<ReadingsRecorded> ofPatient = e -> e.readings().stream().anyMatch(r -> r.patientId() == patientId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorded.events().stream()
                .filter(ofPatient)).hasSize(1));
        List<ReadingsRecorded.Item> published = recorded.events().stream().filter(ofPatient).findFirst().orElseThrow()
                .readings();
        assertThat(published).extracting(ReadingsRecorded.Item::id)
                .containsExactly(results.get(0).get("readingId").asLong(), results.get(1).get("readingId").asLong());
        assertThat(published).extracting(ReadingsRecorded.Item::lateBackfill).containsExactly(false, true);
        // One publication per listener (alerting, the sticker rewards and the stand-in above), each completed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS NOT NULL",
                Integer.class, "%\"id\":" + results.get(1).get("readingId").asString() + ",%")).isEqualTo(3));
    }

    @Test
    void listsPageWithAKeysetCursorNewestFirstAndFilterByType() {
        Api.Patient p = api.consentedPatient();
        Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            submit(p.token(), glucose("g" + i + "-" + id(), base.plus(Duration.ofMinutes(i)), 5 + i, "MMOL_L"));
        }
        submit(p.token(), bp(id(), base, 130, 80));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/readings?type=GLUCOSE&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    p.token()).body();
            page.get("items").forEach(item -> seen.add(item.get("measuredAt").asString()));
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).hasSize(5);
        assertThat(seen).isSortedAccordingTo((x, y) -> Instant.parse(y).compareTo(Instant.parse(x)));
        assertThat(api.get("/api/v1/readings?cursor=not-a-cursor", p.token()).body().get("code").asString())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void summarisesSevenDaysAndSoftDeletesWithAnAuditEntry() {
        Api.Patient p = api.consentedPatient();
        Instant at = Instant.now().minus(Duration.ofHours(2));
        JsonNode results = submit(p.token(), glucose(id(), at, 4.0, "MMOL_L"), glucose(id(), at, 12.0, "MMOL_L"),
                bp(id(), at, 140, 90), bp(id(), at, 130, 80)).body().get("results");

        JsonNode summary = api.get("/api/v1/readings/summary?days=7", p.token()).body();
        assertThat(summary.get("glucose").get("count").asLong()).isEqualTo(2);
        assertThat(summary.get("glucose").get("mean").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(summary.get("glucose").get("timeInRangePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(summary.get("bloodPressure").get("meanSystolic").decimalValue()).isEqualByComparingTo("135.0");
        assertThat(api.get("/api/v1/readings/summary?days=9", p.token()).status()).isEqualTo(400);

        String readingId = results.get(1).get("readingId").asString();
        assertThat(api.delete("/api/v1/readings/" + readingId, p.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/readings/" + readingId, p.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/readings/summary?days=7", p.token()).body().get("glucose").get("count").asLong())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_audit_log WHERE patient_id = ? AND action = 'READING_DELETED'",
                Integer.class, Long.parseLong(p.id()))).isEqualTo(1);
    }

    @Test
    void anotherPatientsReadingAnswers404() {
        Api.Patient owner = api.consentedPatient();
        Api.Patient other = api.consentedPatient();
        String readingId = submit(owner.token(), glucose(id(), Instant.now(), 6.0, "MMOL_L")).body()
                .get("results").get(0).get("readingId").asString();
        assertThat(api.get("/api/v1/readings/" + readingId, other.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/readings/" + readingId, other.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/readings/" + readingId, owner.token()).status()).isEqualTo(200);
    }

    @Test
    void meterLoAndHiAreStoredAsCensoredValues() {
        Api.Patient p = api.consentedPatient();
        Map<String, Object> lo = Map.of("clientId", id(), "type", "GLUCOSE", "measuredAt", Instant.now().toString(),
                "glucose", Map.of("unit", "MG_DL", "context", "RANDOM", "flag", "LO"));
        String readingId = submit(p.token(), lo).body().get("results").get(0).get("readingId").asString();
        JsonNode stored = api.get("/api/v1/readings/" + readingId, p.token()).body().get("glucose");
        assertThat(stored.get("flag").asString()).isEqualTo("LO");
        assertThat(stored.get("value").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void batchSizeAndBodyShapeAreChecked() {
        Api.Patient p = api.consentedPatient();
        assertThat(api.post("/api/v1/readings", p.token(), Map.of("readings", List.of())).body().get("code").asString())
                .isEqualTo("VALIDATION_FAILED");
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(glucose(id(), Instant.now(), 5.5, "MMOL_L"));
        }
        assertThat(api.post("/api/v1/readings", p.token(), Map.of("readings", tooMany)).status()).isEqualTo(400);
        assertThat(count(p.id())).isZero();
    }

    private int count(String patientId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM core_reading WHERE patient_id = ? AND deleted_at IS NULL",
                Integer.class, Long.parseLong(patientId));
    }

    private static String status(JsonNode results, int i) {
        return results.get(i).get("status").asString();
    }

    private static String problemCode(JsonNode results, int i) {
        return results.get(i).get("problem").get("code").asString();
    }
}
