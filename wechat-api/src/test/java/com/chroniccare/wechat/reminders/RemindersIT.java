package com.chroniccare.wechat.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chroniccare.reminder.ReminderTicks;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.IntegrationTest;
import com.chroniccare.wechat.support.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Medication reminders end to end: plans and doses through the HTTP API, reminders through the real WxJava client
 * to the WeChat sandbox, within the subscription ledger. The clock is the test's and the ticks are called by hand.
 */
@IntegrationTest
class RemindersIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:00 in Shanghai today: the tests move it forward a few hours in all, never past midnight. */
    static final MutableClock CLOCK = new MutableClock(LocalDate.now(SHANGHAI).atTime(9, 0).atZone(SHANGHAI).toInstant());
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final String REMINDER = "sandbox-reminder-template";

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
    ReminderTicks ticks;
    @Autowired
    WeChatSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Api.Patient patient;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        patient = api.consentedPatient();
    }

    static String in(Duration d) {
        return HH_MM.format(CLOCK.instant().plus(d).atZone(SHANGHAI));
    }

    static LocalDate today() {
        return CLOCK.instant().atZone(SHANGHAI).toLocalDate();
    }

    static Map<String, Object> plan(String name, String... times) {
        return Map.of("name", name, "dose", "1 片", "instructions", "饭后服用",
                "schedule", Map.of("timesOfDay", List.of(times), "startDate", today().minusDays(1).toString()));
    }

    String create(String token, Map<String, Object> plan) {
        Api.Response r = api.post("/api/v1/medications", token, plan);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    void subscribe(String token, String decision) {
        api.post("/api/v1/subscriptions", token, Map.of("results", Map.of(REMINDER, decision)));
    }

    int remaining(String token) {
        for (JsonNode t : api.get("/api/v1/subscriptions", token).body()) {
            if (t.get("templateId").asString().equals(REMINDER)) {
                return t.get("remaining").asInt();
            }
        }
        throw new AssertionError("no reminder template listed");
    }

    List<WeChatSandbox.SentMessage> messages() {
        return sandbox.messagesTo(WeChatSandbox.openidFor(patient.code()));
    }

    JsonNode doses(LocalDate date) {
        return api.get("/api/v1/reminders?date=" + date, patient.token()).body().get("items");
    }

    String pushStatus(Instant dueAt) {
        return jdbc.queryForObject("SELECT status FROM rem_push WHERE patient_id = ? AND due_at = ?", String.class,
                Long.parseLong(patient.id()), java.sql.Timestamp.from(dueAt));
    }

    @Test
    void aReminderDueNowArrivesOnceThroughWeChatAndUsesOneAuthorisation() {
        subscribe(patient.token(), "accept");
        assertThat(remaining(patient.token())).isEqualTo(1);
        create(patient.token(), plan("二甲双胍", in(Duration.ZERO), in(Duration.ofHours(2))));
        assertThat(doses(today())).extracting(d -> d.get("status").asString()).contains("SCHEDULED");

        ticks.dispatch();
        ticks.dispatch();

        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.templateId()).isEqualTo(REMINDER);
            assertThat(m.data().toString()).contains("二甲双胍", "1 片", "饭后服用");
            assertThat(m.page()).startsWith("pages/reminders/today?push=");
        });
        JsonNode due = doses(today()).get(0);
        assertThat(due.get("time").asString()).isEqualTo(in(Duration.ZERO));
        assertThat(due.get("status").asString()).isEqualTo("SENT");
        assertThat(remaining(patient.token())).isZero();
    }

    @Test
    void dosesDueAtTheSameMinuteGoOutAsOneMessage() {
        subscribe(patient.token(), "accept");
        subscribe(patient.token(), "accept");
        create(patient.token(), plan("二甲双胍", in(Duration.ZERO)));
        create(patient.token(), plan("氨氯地平", in(Duration.ZERO)));

        ticks.dispatch();

        assertThat(messages()).singleElement().satisfies(m ->
                assertThat(m.data().toString()).contains("二甲双胍、氨氯地平", "共2种药"));
        assertThat(doses(today())).extracting(d -> d.get("status").asString()).containsOnly("SENT");
        assertThat(remaining(patient.token())).isEqualTo(1);
    }

    @Test
    void withoutAnAuthorisationNothingIsSentAndTheDoseStaysInTheApp() {
        create(patient.token(), plan("二甲双胍", in(Duration.ZERO)));
        ticks.dispatch();

        assertThat(messages()).isEmpty();
        assertThat(pushStatus(CLOCK.instant())).isEqualTo("NO_AUTH");
        assertThat(doses(today()).get(0).get("status").asString()).isEqualTo("SCHEDULED");
        JsonNode reminderTemplate = api.get("/api/v1/subscriptions", patient.token()).body().get(0);
        assertThat(reminderTemplate.get("purpose").asString()).isEqualTo("REMINDER");
        assertThat(reminderTemplate.get("remaining").asInt()).isZero();

        subscribe(patient.token(), "reject");
        assertThat(remaining(patient.token())).isZero();
    }

    @Test
    void quietHoursAndLateRemindersAreNotSent() {
        subscribe(patient.token(), "accept");
        api.put("/api/v1/reminders/settings", patient.token(), Map.of("start", in(Duration.ZERO),
                "end", in(Duration.ofMinutes(30))));
        create(patient.token(), plan("二甲双胍", in(Duration.ZERO), in(Duration.ofMinutes(40))));
        ticks.dispatch();
        assertThat(pushStatus(CLOCK.instant())).isEqualTo("QUIET");

        Instant second = CLOCK.instant().plus(Duration.ofMinutes(40));
        CLOCK.advance(Duration.ofMinutes(40 + 31));
        ticks.dispatch();
        assertThat(pushStatus(second)).isEqualTo("LATE");
        assertThat(messages()).isEmpty();
        assertThat(remaining(patient.token())).isEqualTo(1);
    }

    @Test
    void editingOrStoppingAPlanChangesOnlyDosesNotRemindedYet() {
        subscribe(patient.token(), "accept");
        Map<String, Object> original = plan("二甲双胍", in(Duration.ZERO), in(Duration.ofHours(2)));
        String id = create(patient.token(), original);
        ticks.dispatch();

        Api.Response edited = api.put("/api/v1/medications/" + id, patient.token(),
                plan("二甲双胍", in(Duration.ZERO), in(Duration.ofHours(3))));
        assertThat(edited.status()).isEqualTo(200);
        List<String> times = new ArrayList<>();
        doses(today()).forEach(d -> times.add(d.get("time").asString() + " " + d.get("status").asString()));
        assertThat(times).contains(in(Duration.ZERO) + " SENT").doesNotContain(in(Duration.ofHours(2)) + " SCHEDULED");
        assertThat(times.stream().filter(t -> t.startsWith(in(Duration.ZERO)))).hasSize(1);

        Api.Response stopped = api.delete("/api/v1/medications/" + id, patient.token());
        assertThat(stopped.body().get("status").asString()).isEqualTo("STOPPED");
        assertThat(api.get("/api/v1/medications", patient.token()).body().get(0).get("status").asString())
                .isEqualTo("STOPPED");
        assertThat(api.delete("/api/v1/medications/" + id, patient.token()).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/medications/" + id, patient.token(), original).body().get("code").asString())
                .isEqualTo("CONFLICT");
        assertThat(doses(today()).findValues("status")).extracting(JsonNode::asString).containsExactly("SENT");
    }

    @Test
    void takenSnoozeAndSkipAreIdempotentAndASnoozeRemindsAgain() {
        subscribe(patient.token(), "accept");
        subscribe(patient.token(), "accept");
        subscribe(patient.token(), "accept");
        create(patient.token(), plan("二甲双胍", in(Duration.ZERO), in(Duration.ofMinutes(1))));
        ticks.dispatch();
        String first = doses(today()).get(0).get("id").asString();
        String second = doses(today()).get(1).get("id").asString();

        JsonNode snoozed = api.post("/api/v1/reminders/" + first + "/snooze", patient.token(), Map.of("minutes", 10)).body();
        assertThat(snoozed.get("status").asString()).isEqualTo("SNOOZED");
        JsonNode again = api.post("/api/v1/reminders/" + first + "/snooze", patient.token(), Map.of("minutes", 30)).body();
        assertThat(again.get("snoozedUntil")).isEqualTo(snoozed.get("snoozedUntil"));

        CLOCK.advance(Duration.ofMinutes(10));
        ticks.dispatch();
        // One for the first dose, one for the second (due a minute later, 9 minutes late), one after the snooze.
        assertThat(messages()).hasSize(3);
        assertThat(doses(today()).get(0).get("status").asString()).isEqualTo("SENT");

        JsonNode taken = api.post("/api/v1/reminders/" + first + "/taken", patient.token(), null).body();
        assertThat(taken.get("status").asString()).isEqualTo("TAKEN");
        assertThat(api.post("/api/v1/reminders/" + first + "/taken", patient.token(), null).body().get("takenAt"))
                .isEqualTo(taken.get("takenAt"));
        assertThat(api.post("/api/v1/reminders/" + first + "/snooze", patient.token(), Map.of("minutes", 10))
                .body().get("code").asString()).isEqualTo("CONFLICT");

        JsonNode skipped = api.post("/api/v1/reminders/" + second + "/skip", patient.token(), Map.of("reason", "胃不舒服")).body();
        assertThat(skipped.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.get("skipReason").asString()).isEqualTo("胃不舒服");
        assertThat(api.post("/api/v1/reminders/" + second + "/skip", patient.token(), Map.of()).body()
                .get("skipReason").asString()).isEqualTo("胃不舒服");

        Api.Patient stranger = api.consentedPatient();
        assertThat(api.post("/api/v1/reminders/" + first + "/taken", stranger.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reminders/" + first + "/snooze", patient.token(), Map.of("minutes", 500))
                .body().get("errors").get(0).get("field").asString()).isEqualTo("minutes");
    }

    @Test
    void badPlansAreRefusedWithEveryProblemNamed() {
        Api.Response r = api.post("/api/v1/medications", patient.token(), Map.of("name", "", "dose", "1 片",
                "schedule", Map.of("timesOfDay", List.of("25:00", "8:00"), "startDate", "2026-12-01",
                        "endDate", "2026-11-01")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("errors").findValues("field")).extracting(JsonNode::asString).containsExactly(
                "name", "schedule.timesOfDay[0]", "schedule.timesOfDay[1]", "schedule.endDate");
        assertThat(api.post("/api/v1/medications", patient.token(), Map.of("name", "x", "dose", "y",
                "schedule", Map.of("timesOfDay", List.of()))).body().get("errors").findValues("code"))
                .extracting(JsonNode::asString).containsExactly("REQUIRED", "REQUIRED");
        assertThat(api.get("/api/v1/medications", patient.token()).body()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rem_dose WHERE patient_id = ?", Integer.class,
                Long.parseLong(patient.id()))).isZero();
    }

    @Test
    void missedDosesCountTowardsAdherenceAndRepeatedMissesReachTheCareTeam() {
        CareTeamFixture team = CareTeamFixture.create(api, jdbc);
        Api.Patient p = team.patient();
        Api.Response created = api.post("/api/v1/staff/patients/" + p.id() + "/medications", team.doctor().token(),
                plan("缬沙坦", in(Duration.ZERO), in(Duration.ofMinutes(1)), in(Duration.ofMinutes(2)), in(Duration.ofMinutes(3))));
        assertThat(created.status()).isEqualTo(201);
        JsonNode mine = api.get("/api/v1/reminders?date=" + today(), p.token()).body().get("items");
        api.post("/api/v1/reminders/" + mine.get(0).get("id").asString() + "/taken", p.token(), null);

        CLOCK.advance(Duration.ofHours(2).plusMinutes(5));
        ticks.markMissed();

        assertThat(api.get("/api/v1/reminders?date=" + today(), p.token()).body().get("items").findValues("status"))
                .extracting(JsonNode::asString).containsExactly("TAKEN", "MISSED", "MISSED", "MISSED");
        JsonNode adherence = api.get("/api/v1/adherence?days=7", p.token()).body().get(0);
        assertThat(adherence.get("medication").asString()).isEqualTo("缬沙坦");
        assertThat(adherence.get("decided").asInt()).isEqualTo(4);
        assertThat(adherence.get("takenShare").asDouble()).isEqualTo(0.25);
        assertThat(adherence.get("streakDays").asInt()).isZero();

        // The third miss in a row becomes a care-team task (P3), once.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/alerts?status=OPEN",
                team.doctor().token()).body().get("items").findValues("family").stream()
                .anyMatch(f -> f.asString().equals("MISSED_DOSES")));
        JsonNode panel = api.get("/api/v1/staff/patients", team.doctor().token()).body().get(0);
        assertThat(panel.get("takenShare7d").asDouble()).isEqualTo(0.25);
        assertThat(api.get("/api/v1/staff/patients/" + p.id() + "/adherence", team.doctor().token()).body()
                .get(0).get("takenShare").asDouble()).isEqualTo(0.25);

        CareTeamFixture other = CareTeamFixture.create(api, jdbc);
        assertThat(api.get("/api/v1/staff/patients/" + p.id() + "/medications", other.doctor().token()).status())
                .isEqualTo(404);
        JsonNode audit = api.get("/api/v1/me/export", p.token()).body();
        assertThat(audit.get("auditTrail").findValues("action")).extracting(JsonNode::asString)
                .contains("MEDICATION_CREATED", "STAFF_READ_ADHERENCE");
        assertThat(audit.get("medications").get(0).get("name").asString()).isEqualTo("缬沙坦");
        assertThat(audit.get("doses").findValues("status")).extracting(JsonNode::asString).contains("TAKEN", "MISSED");
    }

    @Test
    void erasingTheAccountErasesPlansDosesRemindersAndAuthorisations() {
        subscribe(patient.token(), "accept");
        create(patient.token(), plan("二甲双胍", in(Duration.ofHours(1))));
        long id = Long.parseLong(patient.id());
        assertThat(api.delete("/api/v1/me", patient.token()).status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM rem_plan WHERE patient_id = ?) + (SELECT COUNT(*) FROM rem_dose WHERE"
                        + " patient_id = ?) + (SELECT COUNT(*) FROM rem_push WHERE patient_id = ?)"
                        + " + (SELECT COUNT(*) FROM wx_subscription WHERE user_id = ?)", Integer.class, id, id, id, id) == 0);
    }
}
