package com.chroniccare.wechat.web;

import java.net.http.HttpRequest;

import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input of every kind gets an RFC 9457 problem with a stable code: never a 500 or a stack trace. */
@IntegrationTest
class ProblemsIT {

    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.consentedPatient().token();
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnums() {
        assertProblem(post("/api/v1/readings", "{\"readings\": ["), 400, "MALFORMED_REQUEST");
        assertProblem(post("/api/v1/me/consents", "{\"policyVersion\":\"x\",\"scopes\":[\"EVERYTHING\"]}"), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/readings?limit=abc", token), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/readings?limit=1000", token), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/readings?type=URINE", token), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/readings/not-a-number", token), 400, "VALIDATION_FAILED");
    }

    @Test
    void transportLevelMistakes() {
        assertProblem(api.send(api.request("/api/v1/readings", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.send(api.request("/api/v1/readings", token).PUT(HttpRequest.BodyPublishers.noBody())), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/nothing-here", token), 404, "NOT_FOUND");
        assertProblem(post("/api/v1/readings", "{\"readings\":[\"" + "x".repeat(3_000_000) + "\"]}"), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(api.get("/api/v1/readings", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void problemsAreChineseFirstAndEnglishOnRequest() {
        Api.Response zh = api.get("/api/v1/readings?limit=abc", token);
        assertThat(zh.body().get("title").asString()).isEqualTo("输入有误");
        Api.Response en = api.send(api.request("/api/v1/readings?limit=abc", token).header("Accept-Language", "en").GET());
        assertThat(en.body().get("title").asString()).isEqualTo("Invalid input");
        Api.Response anonymousEn = api.send(api.request("/api/v1/me", null).header("Accept-Language", "en-US").GET());
        assertThat(anonymousEn.body().get("title").asString()).isEqualTo("Not signed in");
    }

    private Api.Response post(String path, String json) {
        return api.send(api.request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
        assertThat(response.body().get("type").asString()).isNotBlank();
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
