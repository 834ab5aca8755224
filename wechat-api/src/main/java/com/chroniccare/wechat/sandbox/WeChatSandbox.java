package com.chroniccare.wechat.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process fake of the WeChat API endpoints the service calls, so the real WxJava client can be exercised over
 * real HTTP without WeChat. Never enabled in prod. Run it on its own with {@link #main} to let several service
 * instances share one sandbox.
 *
 * <p>Login codes map deterministically to openids ({@link #openidFor}); a code starting with {@code bad} is refused
 * with 40029 as WeChat refuses an invalid code. Subscribe messages are recorded and listed at
 * {@code GET /sandbox/wechat/messages?openid=}.
 */
public final class WeChatSandbox {

    private static final Gson GSON = new Gson();
    private static final int TOKEN_SECONDS = 7200;
    private static final long FIRST_MSG_ID = 1_000_000;
    /** Text containing this comes back from the content check as risky. */
    public static final String RISKY_WORD = "沙盒违规词";
    /** Text containing this comes back from the content check as needing review. */
    public static final String REVIEW_WORD = "沙盒待审词";

    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Queue<SentMessage>> messages = new ConcurrentHashMap<>();
    /** (user, template, page) of every message, to count duplicates: the same message to the same user again. */
    private final Set<String> distinct = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile long sendDelayMillis;
    private final Queue<Integer> checkFailures = new ConcurrentLinkedQueue<>();
    private final AtomicLong msgIds = new AtomicLong(FIRST_MSG_ID);
    private final AtomicLong tokenFetches = new AtomicLong();
    private final java.util.Deque<Integer> sendFailures = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** What was sent in total: messages, users who got one, and repeats of the same message to the same user. */
    public record Summary(long total, int recipients, long duplicates) {
    }

    /** A subscribe message as the sandbox received it. */
    public record SentMessage(long msgId, String toUser, String templateId, String page, String miniprogramState,
                              String lang, Map<String, Object> data, Instant receivedAt) {
    }

    private WeChatSandbox(HttpServer server) {
        this.server = server;
    }

    public static WeChatSandbox start(int port) {
        // Without TCP_NODELAY the JDK server's header and body segments meet delayed ACKs: ~40 ms per keep-alive
        // request, which made the sandbox, not the service, the bottleneck of every send benchmark.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            WeChatSandbox sandbox = new WeChatSandbox(server);
            server.createContext("/", sandbox::handle);
            server.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "wechat-sandbox");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the WeChat sandbox", e);
        }
    }

    /**
     * Standalone, e.g. {@code java -Dloader.main=com.chroniccare.wechat.sandbox.WeChatSandbox -cp care-service.jar
     * org.springframework.boot.loader.launch.PropertiesLauncher 18080}; the port is the first argument.
     */
    public static void main(String[] args) {
        WeChatSandbox sandbox = start(args.length > 0 ? Integer.parseInt(args[0]) : 18_080);
        System.out.println("WeChat sandbox listening on " + sandbox.baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** The openid WeChat would return for a login code: stable, so a tester can be any patient. */
    public static String openidFor(String code) {
        return "o" + sha256(code).substring(0, 27);
    }

    public List<SentMessage> messagesTo(String openid) {
        return List.copyOf(messages.getOrDefault(openid, new ConcurrentLinkedQueue<>()));
    }

    public Summary summary() {
        return new Summary(msgIds.get() - FIRST_MSG_ID, messages.size(), duplicates.get());
    }

    /** Makes every subscribe send take this long, like a slow WeChat (for killing a dispatcher mid-send). */
    public void delaySends(Duration delay) {
        sendDelayMillis = delay.toMillis();
    }

    /** Makes the next {@code times} subscribe sends fail with WeChat error {@code errcode} (43101, 45009, -1, ...). */
    public void failNextSends(int errcode, int times) {
        for (int i = 0; i < times; i++) {
            sendFailures.add(errcode);
        }
    }

    /** Makes the next {@code times} text checks fail with WeChat error {@code errcode} (e.g. -1, system busy). */
    public void failNextContentChecks(int errcode, int times) {
        for (int i = 0; i < times; i++) {
            checkFailures.add(errcode);
        }
    }

    /** How many access tokens were handed out: the service should share one across instances. */
    public long tokenFetches() {
        return tokenFetches.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> query = query(uri.getRawQuery());
            String body = read(exchange.getRequestBody());
            String path = uri.getPath();
            Object response = switch (path) {
                case "/cgi-bin/token", "/cgi-bin/stable_token" -> token();
                case "/sns/jscode2session" -> session(query.get("js_code"));
                case "/sandbox/wechat/messages" -> messagesTo(query.getOrDefault("openid", ""));
                case "/sandbox/wechat/summary" -> summary();
                default -> authorised(query) ? api(path, body) : error(40001, "invalid credential, access_token is invalid");
            };
            byte[] bytes = GSON.toJson(response).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Object api(String path, String body) {
        JsonObject request = body.isBlank() ? new JsonObject() : GSON.fromJson(body, JsonObject.class);
        return switch (path) {
            case "/wxa/business/getuserphonenumber" -> phoneNumber(string(request, "code"));
            case "/cgi-bin/message/subscribe/send" -> send(request);
            case "/wxa/msg_sec_check" -> messageCheck(string(request, "content"));
            case "/wxa/media_check_async" -> Map.of("errcode", 0, "errmsg", "ok", "trace_id", UUID.randomUUID().toString());
            default -> error(-1, "sandbox: unknown endpoint " + path);
        };
    }

    private Map<String, Object> token() {
        String token = "sandbox-" + UUID.randomUUID();
        tokens.add(token);
        tokenFetches.incrementAndGet();
        return Map.of("access_token", token, "expires_in", TOKEN_SECONDS);
    }

    private static Map<String, Object> session(String code) {
        if (code == null || code.isBlank() || code.startsWith("bad")) {
            return error(40029, "invalid code");
        }
        return Map.of("openid", openidFor(code), "session_key", sha256("session:" + code).substring(0, 24));
    }

    private static Map<String, Object> phoneNumber(String code) {
        if (code == null || code.isBlank() || code.startsWith("bad")) {
            return error(40029, "invalid code");
        }
        String digits = String.valueOf(Long.parseLong(sha256(code).substring(0, 12), 16) % 100_000_000L);
        String pure = "138" + "0".repeat(8 - digits.length()) + digits;
        return Map.of("errcode", 0, "errmsg", "ok", "phone_info", Map.of("phoneNumber", pure,
                "purePhoneNumber", pure, "countryCode", "86"));
    }

    private Map<String, Object> send(JsonObject request) {
        String toUser = string(request, "touser");
        String templateId = string(request, "template_id");
        if (toUser == null || toUser.isBlank()) {
            return error(40003, "invalid openid");
        }
        if (templateId == null || templateId.isBlank()) {
            return error(40037, "invalid template_id");
        }
        Integer failure = sendFailures.poll();
        if (failure != null) {
            return error(failure, "sandbox: injected failure");
        }
        pause(sendDelayMillis);
        Map<String, Object> data = request.has("data") ? GSON.fromJson(request.get("data"), Map.class) : Map.of();
        String page = string(request, "page");
        if (!distinct.add(toUser + " " + templateId + " " + page)) {
            duplicates.incrementAndGet();
        }
        long msgId = msgIds.incrementAndGet();
        messages.computeIfAbsent(toUser, k -> new ConcurrentLinkedQueue<>()).add(new SentMessage(msgId, toUser,
                templateId, page, string(request, "miniprogram_state"), string(request, "lang"), data, Instant.now()));
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", msgId);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * msgSecCheck v2 with fixed test words: text containing {@value #RISKY_WORD} comes back risky (label 20001),
     * {@value #REVIEW_WORD} comes back review (label 21000), anything else passes.
     */
    private Map<String, Object> messageCheck(String content) {
        Integer failure = checkFailures.poll();
        if (failure != null) {
            return error(failure, "sandbox: injected failure");
        }
        String text = content == null ? "" : content;
        String suggest = text.contains(RISKY_WORD) ? "risky" : text.contains(REVIEW_WORD) ? "review" : "pass";
        int label = switch (suggest) {
            case "risky" -> 20001;
            case "review" -> 21000;
            default -> 100;
        };
        return Map.of("errcode", 0, "errmsg", "ok", "trace_id", UUID.randomUUID().toString(),
                "result", Map.of("suggest", suggest, "label", label));
    }

    private boolean authorised(Map<String, String> query) {
        return tokens.contains(query.get("access_token"));
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("errcode", code, "errmsg", message);
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
