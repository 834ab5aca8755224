package com.chroniccare.wechat.auth;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aWeChatCodeLogsInTheSamePatientEveryTimeWithAnOpaqueToken() {
        String code = "login-" + UUID.randomUUID();
        Api.Response first = api.post("/api/v1/auth/wechat-login", null, Map.of("code", code));
        Api.Response second = api.post("/api/v1/auth/wechat-login", null, Map.of("code", code));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("newUser").asBoolean()).isTrue();
        assertThat(second.body().get("newUser").asBoolean()).isFalse();
        assertThat(second.body().get("user").get("id").asString()).isEqualTo(first.body().get("user").get("id").asString());
        assertThat(first.body().get("user").get("role").asString()).isEqualTo("PATIENT");
        assertThat(first.body().toString()).doesNotContain("session").doesNotContain(WeChatSandbox.openidFor(code));
        String token = first.body().get("token").asString();
        assertThat(api.get("/api/v1/me", token).body().get("id").asString())
                .isEqualTo(first.body().get("user").get("id").asString());
        // Only a hash of the token is kept in Redis, with a TTL.
        assertThat(redis.keys("care:token:*")).noneMatch(k -> k.contains(token));
        assertThat(jdbc.queryForObject("SELECT openid FROM core_user WHERE id = ?", String.class,
                Long.parseLong(first.body().get("user").get("id").asString()))).isEqualTo(WeChatSandbox.openidFor(code));
    }

    @Test
    void anInvalidCodeIsRefusedAsWeChatRefusesIt() {
        Api.Response refused = api.send(api.request("/api/v1/auth/wechat-login", null)
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.1.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"bad-code\"}")));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("code").asString()).isEqualTo("WECHAT_LOGIN_FAILED");
    }

    @Test
    void logoutRevokesTheTokenAndMissingOrUnknownTokensGet401Problems() {
        String token = api.login("logout-" + UUID.randomUUID());
        assertThat(api.post("/api/v1/auth/logout", token, Map.of()).status()).isEqualTo(204);
        Api.Response after = api.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "made-up").status()).isEqualTo(401);
    }

    @Test
    void repeatedBadCodesFromOneClientAreRateLimitedWithoutLockingOutOthers() {
        String attacker = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = loginFrom(attacker, "bad-" + i).status();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThan(0);
        Api.Response blocked = loginFrom(attacker, "good-" + UUID.randomUUID());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body().get("code").asString()).isEqualTo("RATE_LIMITED");

        assertThat(loginFrom("10.8." + (int) (Math.random() * 250) + ".3", "good-" + UUID.randomUUID()).status()).isEqualTo(200);
    }

    @Test
    void theBootstrapAdminLogsInWithAPasswordAndWrongPasswordsAreRefused() {
        Api.Response ok = api.post("/api/v1/auth/staff-login", null, Map.of("username", "admin", "password", "admin-demo-pass"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("user").get("role").asString()).isEqualTo("ADMIN");
        Api.Response wrong = api.send(api.request("/api/v1/auth/staff-login", null)
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.7.0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"nope\"}")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    private Api.Response loginFrom(String client, String code) {
        return api.send(api.request("/api/v1/auth/wechat-login", null)
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
    }
}
