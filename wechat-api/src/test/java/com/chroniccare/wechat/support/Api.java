package com.chroniccare.wechat.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny client for the service's HTTP API, as the mini-program and console use it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() || !text.trim().matches("(?s)^[\\[{].*")
                    ? null : JSON.readTree(text);
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Logs a WeChat user in with a sandbox code; returns the bearer token. */
    public String login(String code) {
        return login(code, null);
    }

    public String login(String code, String inviteCode) {
        Response r = post("/api/v1/auth/wechat-login", null,
                inviteCode == null ? Map.of("code", code) : Map.of("code", code, "inviteCode", inviteCode));
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.body().get("token").asString();
    }

    /** A new patient who consented to everything under the current policy. */
    public Patient consentedPatient() {
        String code = "patient-" + UUID.randomUUID();
        String token = login(code);
        String version = get("/api/v1/me/consents", token).body().get("policyVersion").asString();
        post("/api/v1/me/consents", token, Map.of("policyVersion", version,
                "scopes", new String[]{"HEALTH_DATA", "CARE_TEAM_SHARING", "GROUPS"}));
        return new Patient(code, token, get("/api/v1/me", token).body().get("id").asString());
    }

    public record Patient(String code, String token, String id) {
    }

    /** A JSON object as a map, to send back modified. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
