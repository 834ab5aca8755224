package com.chroniccare.wechat.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A care team made through the API: a doctor (tier 1) and a clinician (tier 2), both bound to WeChat, and a
 * patient who joined with the team's invite and consented to everything.
 */
public record CareTeamFixture(Api api, JdbcTemplate jdbc, String teamId, Staff doctor, Staff clinician,
                              Api.Patient patient) {

    public static final String ALERT_TEMPLATE = "sandbox-alert-template";

    public record Staff(String token, String id, String openid) {
    }

    public static CareTeamFixture create(Api api, JdbcTemplate jdbc) {
        String admin = api.post("/api/v1/auth/staff-login", null, Map.of("username", "admin", "password", "admin-demo-pass"))
                .body().get("token").asString();
        Staff doctor = staff(api, admin, "DOCTOR");
        Staff clinician = staff(api, admin, "CLINICIAN");
        String teamId = api.post("/api/v1/staff/care-teams", doctor.token(), Map.of("name", "Team " + UUID.randomUUID()))
                .body().get("id").asString();
        api.post("/api/v1/staff/care-teams/" + teamId + "/members", doctor.token(), Map.of("userId", clinician.id(), "tier", 2));
        String join = api.post("/api/v1/staff/invites", doctor.token(), Map.of("kind", "CARE_TEAM", "careTeamId", teamId))
                .body().get("code").asString();
        Api.Patient patient = api.consentedPatient();
        api.post("/api/v1/me/care-team", patient.token(), Map.of("inviteCode", join));
        return new CareTeamFixture(api, jdbc, teamId, doctor, clinician, patient);
    }

    private static Staff staff(Api api, String admin, String role) {
        String invite = api.post("/api/v1/staff/invites", admin, Map.of("kind", "STAFF", "role", role)).body().get("code").asString();
        String code = role.toLowerCase() + "-" + UUID.randomUUID();
        String token = api.login(code, invite);
        // Staff allow alert messages once; the sandbox's alert template is long-term, so that is enough.
        api.post("/api/v1/subscriptions", token, Map.of("results", Map.of(ALERT_TEMPLATE, "accept")));
        return new Staff(token, api.get("/api/v1/me", token).body().get("id").asString(), WeChatSandbox.openidFor(code));
    }

    /** Subscribe messages the sandbox received for this person. */
    public JsonNode messagesTo(Staff staff) {
        return api.get("/sandbox/wechat/messages?openid=" + staff.openid(), null).body();
    }

    /**
     * Posts readings and waits until the alerting listener has also processed them (their publications are
     * complete), so whichever of the request and the listener evaluated first has finished paging.
     */
    public JsonNode submit(Object... readings) {
        JsonNode results = api.post("/api/v1/readings", patient.token(), Map.of("readings", List.of(readings)))
                .body().get("results");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class) == 0);
        return results;
    }
}
