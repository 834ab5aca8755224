package com.chroniccare.wechat.ops;

import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void readinessCoversTheDatabaseAndRedis() {
        Api.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        String admin = api.post("/api/v1/auth/staff-login", null,
                java.util.Map.of("username", "admin", "password", "admin-demo-pass")).body().get("token").asString();
        JsonNode detailed = api.get("/actuator/health/readiness", admin).body();
        assertThat(detailed.toString()).contains("\"db\"").contains("\"redis\"");
    }

    @Test
    void prometheusMetricsAndTheOpenApiDocumentAreServed() {
        assertThat(api.get("/actuator/prometheus", null).raw().body()).contains("http_server_requests");
        JsonNode docs = api.get("/v3/api-docs", null).body();
        assertThat(docs.get("paths").propertyNames()).contains("/api/v1/readings", "/api/v1/auth/wechat-login",
                "/api/v1/me/export", "/api/v1/staff/patients/{patientId}/readings", "/wechat/callback");
        assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);
    }
}
