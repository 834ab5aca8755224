package com.chroniccare.wechat.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis going away and coming back; the service restarting on the same data. */
class OutageAndRestartIT {

    @TempDir
    Path dir;

    @Test
    void whileRedisIsDownRequestsGetA503ProblemAndReadinessIsDownThenAllRecovers() throws Exception {
        int redisPort = Instances.freePort();
        RedisServer redis = Instances.redis(redisPort);
        Map<String, Object> properties = Instances.database(dir);
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", redisPort);
        properties.put("spring.data.redis.timeout", "500ms");
        try (ConfigurableApplicationContext app = Instances.start(properties)) {
            Api api = new Api(Instances.port(app));
            String token = api.login("outage-" + UUID.randomUUID());
            redis.stop();

            Api.Response down = api.get("/api/v1/me", token);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

            redis = Instances.redis(redisPort);
            // Redis kept nothing on disk: the old session is gone, but logging in again works.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200));
            assertThat(api.get("/api/v1/me", api.login("outage-" + UUID.randomUUID())).status()).isEqualTo(200);
        } finally {
            redis.stop();
        }
    }

    @Test
    void theEmbeddedDefaultKeepsDataAcrossARestart() {
        Map<String, Object> properties = Instances.database(dir);
        String code = "restart-" + UUID.randomUUID();
        String readingId;
        String firstUserId;
        try (ConfigurableApplicationContext app = Instances.start(properties)) {
            Api api = new Api(Instances.port(app));
            Api.Response login = api.post("/api/v1/auth/wechat-login", null, Map.of("code", code));
            firstUserId = login.body().get("user").get("id").asString();
            String token = login.body().get("token").asString();
            String version = api.get("/api/v1/me/consents", token).body().get("policyVersion").asString();
            api.post("/api/v1/me/consents", token, Map.of("policyVersion", version, "scopes", List.of("HEALTH_DATA")));
            api.post("/api/v1/me/phone", token, Map.of("code", "phone-" + code));
            readingId = api.post("/api/v1/readings", token, Map.of("readings", List.of(Map.of(
                    "clientId", UUID.randomUUID().toString(), "type", "BLOOD_PRESSURE", "measuredAt", Instant.now().toString(),
                    "bloodPressure", Map.of("systolic", 128, "diastolic", 82))))).body()
                    .get("results").get(0).get("readingId").asString();
        }
        try (ConfigurableApplicationContext app = Instances.start(properties)) {
            Api api = new Api(Instances.port(app));
            Api.Response login = api.post("/api/v1/auth/wechat-login", null, Map.of("code", code));
            assertThat(login.body().get("newUser").asBoolean()).isFalse();
            assertThat(login.body().get("user").get("id").asString()).isEqualTo(firstUserId);
            String token = login.body().get("token").asString();
            assertThat(api.get("/api/v1/readings/" + readingId, token).status()).isEqualTo(200);
            // The phone key kept beside the data decrypts what the first run encrypted.
            assertThat(api.get("/api/v1/me/export", token).body().get("phoneNumber").asString()).startsWith("138");
        }
    }
}
