package com.chroniccare.wechat.ops;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances sharing one database, one Redis and one standalone WeChat sandbox, as behind nginx:
 * either instance serves any session, and the WeChat access token is fetched once for both.
 */
class TwoInstancesIT {

    @TempDir
    static Path dir;
    static WeChatSandbox sandbox;
    static RedisServer redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        sandbox = WeChatSandbox.start(0);
        Map<String, Object> shared = Instances.database(dir);
        String redisHost = System.getProperty("it.redis.host", "");
        if (redisHost.isBlank()) {
            int port = Instances.freePort();
            redis = Instances.redis(port);
            shared.put("spring.data.redis.host", "127.0.0.1");
            shared.put("spring.data.redis.port", port);
        } else {
            shared.put("spring.data.redis.host", redisHost);
        }
        shared.put("care.wechat.api-host-url", sandbox.baseUrl());
        // A distinct app id keeps this test's access token apart from other tests sharing the Redis.
        shared.put("care.wechat.app-id", "wx-two-instances-" + UUID.randomUUID());
        first = Instances.start(shared);
        second = Instances.start(shared);
    }

    @AfterAll
    static void stop() throws Exception {
        second.close();
        first.close();
        sandbox.stop();
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void bothInstancesShareSessionsDataAndOneWeChatAccessToken() {
        Api a = new Api(Instances.port(first));
        Api b = new Api(Instances.port(second));
        List<String> tokens = IntStream.range(0, 16).parallel()
                .mapToObj(i -> (i % 2 == 0 ? a : b).login("two-" + i + "-" + UUID.randomUUID())).toList();
        assertThat(tokens).hasSize(16).doesNotContainNull();
        assertThat(sandbox.tokenFetches()).isEqualTo(1);

        Api.Patient patient = a.consentedPatient();
        String readingId = a.post("/api/v1/readings", patient.token(), Map.of("readings", List.of(Map.of(
                "clientId", UUID.randomUUID().toString(), "type", "GLUCOSE", "measuredAt", Instant.now().toString(),
                "glucose", Map.of("value", 6.6, "unit", "MMOL_L", "context", "FASTING"))))).body()
                .get("results").get(0).get("readingId").asString();
        assertThat(b.get("/api/v1/readings/" + readingId, patient.token()).status()).isEqualTo(200);
        assertThat(b.post("/api/v1/auth/logout", patient.token(), Map.of()).status()).isEqualTo(204);
        assertThat(a.get("/api/v1/me", patient.token()).status()).isEqualTo(401);
    }
}
