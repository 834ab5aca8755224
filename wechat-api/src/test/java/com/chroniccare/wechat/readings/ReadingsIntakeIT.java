package com.chroniccare.wechat.readings;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingStatus;
import com.chroniccare.core.ReadingSubmission;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Submissions of several patients stored and assessed together (ReadingsIntake, ReadingsApi.recordAll). */
@IntegrationTest
class ReadingsIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReadingsApi readings;
    @Autowired
    WeChatSandbox sandbox;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void singleReadingsThatWaitToBeStoredAreStoredAndAssessedTogetherAsOneEvent() throws Exception {
        Api.Patient busy = api.consentedPatient();
        List<Api.Patient> waiting = IntStream.range(0, 3).mapToObj(i -> api.consentedPatient()).toList();
        CompletableFuture<Api.Response> first;
        List<CompletableFuture<Api.Response>> grouped = new ArrayList<>();
        // Another transaction holds the first patient's row: the store stage takes their submission and waits.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM core_user WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, Long.parseLong(busy.id()));
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> submit(busy, "5.6"));
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 0 && !first.isDone());
            // These queue up meanwhile; a low glucose so that the assessment shows in the response.
            for (Api.Patient p : waiting) {
                grouped.add(CompletableFuture.supplyAsync(() -> submit(p, "3.0")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 3);
            holder.rollback();
        }

        List<String> readingIds = new ArrayList<>();
        for (CompletableFuture<Api.Response> response : grouped) {
            JsonNode result = response.join().body().get("results").get(0);
            assertThat(result.get("status").asString()).isEqualTo("CREATED");
            assertThat(result.get("advice").get("code").asString()).isEqualTo("TREAT_LOW_RECHECK_15_MIN");
            readingIds.add(result.get("readingId").asString());
        }
        assertThat(first.join().status()).isEqualTo(200);
        // Evaluated together, each patient's last measurement moved to their own reading's time.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_patient a JOIN core_reading r"
                + " ON r.patient_id = a.patient_id AND r.measured_at = a.last_measured_at WHERE r.id IN (?, ?, ?)",
                Integer.class, readingIds.stream().map(Long::valueOf).toArray())).isEqualTo(3);
        // One publication per listener, each holding all three patients' readings.
        String[] like = readingIds.stream().map(id -> "%\"id\":" + id + ",%").toArray(String[]::new);
        int withFirst = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
                Integer.class, like[0]);
        assertThat(withFirst).isPositive().isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION"
                + " WHERE SERIALIZED_EVENT LIKE ? AND SERIALIZED_EVENT LIKE ? AND SERIALIZED_EVENT LIKE ?",
                Integer.class, (Object[]) like));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS NULL",
                Integer.class, like[0])).isZero());
    }

    @Test
    void aSlowWeChatHoldsUpOnlyTheRequestWhoseReadingPagesSomeone() {
        CareTeamFixture team = CareTeamFixture.create(api, jdbc);
        Api.Patient other = api.consentedPatient();
        sandbox.delaySends(Duration.ofSeconds(5));
        try {
            CompletableFuture<Api.Response> paging = CompletableFuture.supplyAsync(() -> submit(team.patient(), "2.6"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM alert_delivery"
                    + " WHERE patient_id = ? AND status = 'SENDING'", Integer.class, Long.parseLong(team.patient().id())) > 0);

            // The doctor's page is waiting for WeChat; another patient's reading is stored and assessed meanwhile.
            Api.Response ordinary = submit(other, "5.6");
            assertThat(ordinary.body().get("results").get(0).get("status").asString()).isEqualTo("CREATED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_delivery WHERE patient_id = ? AND status = 'SENDING'",
                    Integer.class, Long.parseLong(team.patient().id()))).isPositive();
            assertThat(paging.join().body().get("results").get(0).get("alerts").get(0).get("severity").asString())
                    .isEqualTo("P1");
        } finally {
            sandbox.delaySends(Duration.ZERO);
        }
    }

    @Test
    void submissionsStoredTogetherAreRefusedOneByOneAndSeeEachOthersReadings() {
        long consented = Long.parseLong(api.consentedPatient().id());
        String token = api.login("no-consent-" + UUID.randomUUID());
        long notConsented = Long.parseLong(api.get("/api/v1/me", token).body().get("id").asString());
        String clientId = UUID.randomUUID().toString();
        Instant at = Instant.now().minus(Duration.ofMinutes(5));

        List<ReadingSubmission.Result> results = readings.recordAll(List.of(
                new ReadingSubmission(consented, List.of(glucose(clientId, at, "6.1"))),
                new ReadingSubmission(notConsented, List.of(glucose(UUID.randomUUID().toString(), at, "6.1"))),
                new ReadingSubmission(consented, List.of(glucose(clientId, at, "6.1"), glucose(clientId, at, "7.0")))));

        ReadingOutcome created = results.get(0).outcomes().get(0);
        assertThat(created.status()).isEqualTo(ReadingStatus.CREATED);
        assertThat(results.get(1).outcomes()).isNull();
        assertThat(results.get(1).refused().problem().code()).isEqualTo(ProblemCode.CONSENT_REQUIRED);
        // The resend in the same transaction finds the first submission's reading.
        assertThat(results.get(2).outcomes()).extracting(ReadingOutcome::status)
                .containsExactly(ReadingStatus.DUPLICATE, ReadingStatus.REJECTED);
        assertThat(results.get(2).outcomes().get(0).readingId()).isEqualTo(created.readingId());
        assertThat(results.get(2).outcomes().get(1).problem().code()).isEqualTo(ProblemCode.READING_CONFLICT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_reading WHERE patient_id IN (?, ?)", Integer.class,
                consented, notConsented)).isEqualTo(1);
    }

    @Test
    void historyReadsTheNewestValuesOfEachWindowInOneQuery() {
        long first = Long.parseLong(api.consentedPatient().id());
        long second = Long.parseLong(api.consentedPatient().id());
        Instant now = Instant.now().minus(Duration.ofMinutes(1));
        List<ReadingOutcome> firsts = readings.record(first, List.of(glucose("g1", now.minus(Duration.ofHours(3)), "7.1"),
                glucose("g2", now.minus(Duration.ofHours(2)), "8.2"), glucose("g3", now.minus(Duration.ofHours(1)), "9.3"),
                glucose("g4", now.minus(Duration.ofMinutes(30)), "10.4"), glucose("g5", now.minus(Duration.ofDays(2)), "6.0"),
                new ReadingInput("bp", ReadingType.BLOOD_PRESSURE, now.minus(Duration.ofMinutes(10)), null,
                        new ReadingInput.BloodPressure(150, 95, 70), null, ReadingSource.MANUAL, null)));
        readings.delete(first, first, firsts.get(3).readingId());
        readings.record(second, List.of(glucose("g1", now.minus(Duration.ofHours(2)), "5.5")));

        List<ReadingValues> history = readings.history(List.of(
                new ReadingsApi.Window(second, ReadingType.GLUCOSE, now.minus(Duration.ofDays(1)), now),
                new ReadingsApi.Window(first, ReadingType.GLUCOSE, now.minus(Duration.ofDays(1)), now)), 2);

        // Each window's two newest active readings of its type, grouped by patient, newest first.
        assertThat(history).extracting(ReadingValues::patientId, v -> v.glucoseValue().doubleValue(), ReadingValues::id)
                .containsExactly(tuple(first, 9.3, firsts.get(2).readingId()), tuple(first, 8.2, firsts.get(1).readingId()),
                        tuple(second, 5.5, history.get(2).id()));
        assertThat(history.get(0)).extracting(ReadingValues::type, ReadingValues::glucoseUnit, ReadingValues::glucoseContext)
                .containsExactly(ReadingType.GLUCOSE, GlucoseUnit.MMOL_L, GlucoseContext.RANDOM);
    }

    private double waiting() {
        return meters.get("care.readings.waiting").gauge().value();
    }

    private Api.Response submit(Api.Patient p, String mmol) {
        return api.post("/api/v1/readings", p.token(), Map.of("readings", List.of(Map.of(
                "clientId", UUID.randomUUID().toString(), "type", "GLUCOSE", "measuredAt", Instant.now().toString(),
                "glucose", Map.of("value", new BigDecimal(mmol), "unit", "MMOL_L", "context", "RANDOM")))));
    }

    private static ReadingInput glucose(String clientId, Instant at, String mmol) {
        return new ReadingInput(clientId, ReadingType.GLUCOSE, at, new ReadingInput.Glucose(new BigDecimal(mmol),
                GlucoseUnit.MMOL_L, GlucoseContext.RANDOM, null), null, null, ReadingSource.MANUAL, null);
    }
}
