package com.chroniccare.wechat.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff onboarding by invite, care teams, and object-level authorisation on every staff endpoint. */
@IntegrationTest
class CareTeamIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.post("/api/v1/auth/staff-login", null, Map.of("username", "admin", "password", "admin-demo-pass"))
                .body().get("token").asString();
    }

    @Test
    void aStaffInviteIsSingleUse() {
        String code = api.post("/api/v1/staff/invites", admin, Map.of("kind", "STAFF", "role", "CLINICIAN"))
                .body().get("code").asString();
        String clinician = api.login("clinician-" + UUID.randomUUID(), code);
        String username = "cl" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/me/credentials", clinician, Map.of("username", username, "password", "long-enough-pw"))
                .status()).isEqualTo(204);
        Api.Response console = api.post("/api/v1/auth/staff-login", null, Map.of("username", username, "password", "long-enough-pw"));
        assertThat(console.body().get("user").get("role").asString()).isEqualTo("CLINICIAN");
        Api.Response reused = api.post("/api/v1/auth/wechat-login", null, Map.of("code", "x-" + UUID.randomUUID(), "inviteCode", code));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("code").asString()).isEqualTo("INVITE_INVALID");
    }

    @Test
    void onlyTheCareTeamSeesItsPatientsAndOnlyWithTheirSharingConsent() {
        String doctor = staff("DOCTOR");
        String outsider = staff("DOCTOR");
        JsonNode team = api.post("/api/v1/staff/care-teams", doctor, Map.of("name", "Team " + UUID.randomUUID())).body();
        String teamId = team.get("id").asString();
        String joinCode = api.post("/api/v1/staff/invites", doctor, Map.of("kind", "CARE_TEAM", "careTeamId", teamId))
                .body().get("code").asString();

        Api.Patient patient = api.consentedPatient();
        assertThat(api.post("/api/v1/me/care-team", patient.token(), Map.of("inviteCode", joinCode)).body()
                .get("id").asString()).isEqualTo(teamId);
        api.post("/api/v1/readings", patient.token(), Map.of("readings", List.of(Map.of("clientId", UUID.randomUUID().toString(),
                "type", "BLOOD_PRESSURE", "measuredAt", Instant.now().toString(),
                "bloodPressure", Map.of("systolic", 150, "diastolic", 95)))));

        String path = "/api/v1/staff/patients/" + patient.id() + "/readings";
        assertThat(api.get(path, doctor).body().get("items")).hasSize(1);
        assertThat(api.get(path + "/summary?days=7", doctor).body().get("bloodPressure").get("count").asLong()).isEqualTo(1);
        JsonNode panel = api.get("/api/v1/staff/patients", doctor).body();
        assertThat(panel).hasSize(1);
        assertThat(panel.get(0).get("lastBloodPressure").get("bloodPressure").get("systolic").asInt()).isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_audit_log WHERE patient_id = ? AND action = 'STAFF_READ_READINGS'",
                Integer.class, Long.parseLong(patient.id()))).isEqualTo(1);

        // Not on the team: the patient does not exist, as far as this doctor can tell.
        assertThat(api.get(path, outsider).status()).isEqualTo(404);
        assertThat(api.get(path + "/summary", outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/staff/patients", outsider).body()).isEmpty();
        assertThat(api.post("/api/v1/staff/invites", outsider, Map.of("kind", "CARE_TEAM", "careTeamId", teamId)).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/staff/care-teams/" + teamId + "/members", outsider,
                Map.of("userId", "1", "tier", 1)).status()).isEqualTo(404);

        // Sharing withdrawn: the team keeps the patient on its panel but cannot read the data.
        api.delete("/api/v1/me/consents/CARE_TEAM_SHARING", patient.token());
        Api.Response withdrawn = api.get(path, doctor);
        assertThat(withdrawn.status()).isEqualTo(403);
        assertThat(withdrawn.body().get("code").asString()).isEqualTo("CONSENT_REQUIRED");
        assertThat(api.get("/api/v1/staff/patients", doctor).body().get(0).get("sharing").asBoolean()).isFalse();
    }

    @Test
    void rolesAreEnforced() {
        Api.Patient patient = api.consentedPatient();
        String doctor = staff("DOCTOR");
        assertThat(api.get("/api/v1/staff/patients", patient.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/readings", doctor).status()).isEqualTo(403);
        Api.Response notAdmin = api.post("/api/v1/staff/invites", doctor, Map.of("kind", "STAFF", "role", "DOCTOR"));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.body().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/v1/staff/invites", admin, Map.of("kind", "STAFF", "role", "ADMIN")).status()).isEqualTo(400);
    }

    @Test
    void staffAreAddedToATeamWithAnEscalationTier() {
        String doctor = staff("DOCTOR");
        String clinician = staff("CLINICIAN");
        String clinicianId = api.get("/api/v1/me", clinician).body().get("id").asString();
        String teamId = api.post("/api/v1/staff/care-teams", doctor, Map.of("name", "Tiers")).body().get("id").asString();
        JsonNode team = api.post("/api/v1/staff/care-teams/" + teamId + "/members", doctor,
                Map.of("userId", clinicianId, "tier", 2)).body();
        assertThat(team.get("members")).hasSize(2);
        assertThat(api.get("/api/v1/staff/care-teams", clinician).body().get(0).get("id").asString()).isEqualTo(teamId);

        Api.Patient patient = api.consentedPatient();
        assertThat(api.post("/api/v1/staff/care-teams/" + teamId + "/members", doctor,
                Map.of("userId", patient.id(), "tier", 1)).body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    private String staff(String role) {
        String code = api.post("/api/v1/staff/invites", admin, Map.of("kind", "STAFF", "role", role)).body().get("code").asString();
        return api.login(role.toLowerCase() + "-" + UUID.randomUUID(), code);
    }
}
