package com.chroniccare.wechat.me;

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

/** PIPL: encrypted phone numbers, profile, export of everything held, and erasure. */
@IntegrationTest
class PrivacyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void thePhoneNumberIsStoredEncryptedAndAppearsOnlyInTheOwnersExport() {
        Api.Patient p = api.consentedPatient();
        assertThat(api.post("/api/v1/me/phone", p.token(), Map.of("code", "phone-" + p.code())).status()).isEqualTo(200);

        String stored = jdbc.queryForObject("SELECT phone_cipher FROM core_user WHERE id = ?", String.class, Long.parseLong(p.id()));
        String exported = api.get("/api/v1/me/export", p.token()).body().get("phoneNumber").asString();
        assertThat(exported).matches("138\\d{8}");
        assertThat(stored).isNotBlank().doesNotContain(exported);
        assertThat(api.get("/api/v1/me", p.token()).body().get("phoneOnFile").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me", p.token()).body().toString()).doesNotContain(exported);
        assertThat(api.post("/api/v1/me/phone", p.token(), Map.of("code", "bad-phone")).status()).isEqualTo(400);
    }

    @Test
    void theProfileIsValidated() {
        Api.Patient p = api.consentedPatient();
        JsonNode me = api.put("/api/v1/me/profile", p.token(), Map.of("displayName", "王阿姨", "birthYear", 1956,
                "sex", "FEMALE", "conditions", List.of("T2D", "HTN"), "glucoseUnit", "MG_DL", "timeZone", "Asia/Urumqi")).body();
        assertThat(me.get("glucoseUnit").asString()).isEqualTo("MG_DL");
        assertThat(me.get("timeZone").asString()).isEqualTo("Asia/Urumqi");
        Api.Response bad = api.put("/api/v1/me/profile", p.token(), Map.of("birthYear", 1700, "conditions", List.of("FLU")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors")).hasSize(2);
        assertThat(api.put("/api/v1/me/profile", p.token(), Map.of("timeZone", "Mars/Olympus")).body()
                .get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
    }

    @Test
    void exportHoldsEverythingAndDeletionErasesHealthDataAndEndsSessions() {
        Api.Patient p = api.consentedPatient();
        api.post("/api/v1/readings", p.token(), Map.of("readings", List.of(Map.of("clientId", UUID.randomUUID().toString(),
                "type", "GLUCOSE", "measuredAt", Instant.now().toString(),
                "glucose", Map.of("value", 6.3, "unit", "MMOL_L", "context", "FASTING")))));

        JsonNode export = api.get("/api/v1/me/export", p.token()).body();
        assertThat(export.get("readings")).hasSize(1);
        assertThat(export.get("consents")).hasSize(3);
        assertThat(export.get("auditTrail").toString()).contains("CONSENT_GRANTED");

        assertThat(api.delete("/api/v1/me", p.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", p.token()).status()).isEqualTo(401);
        long id = Long.parseLong(p.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_reading WHERE patient_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT openid FROM core_user WHERE id = ?", String.class, id)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM core_audit_log WHERE patient_id = ? AND action = 'ACCOUNT_DELETED'",
                Integer.class, id)).isEqualTo(1);

        // The same WeChat user starts over as a new account with nothing from before.
        Api.Response again = api.post("/api/v1/auth/wechat-login", null, Map.of("code", p.code()));
        assertThat(again.body().get("newUser").asBoolean()).isTrue();
        assertThat(again.body().get("user").get("id").asString()).isNotEqualTo(p.id());
    }
}
