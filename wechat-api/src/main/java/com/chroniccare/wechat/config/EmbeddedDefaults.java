package com.chroniccare.wechat.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills in the embedded default for each part whose standard property is absent or blank, so the same build runs on a bare
 * machine (H2 in a file, embedded Redis, the WeChat sandbox) or on real MySQL, Redis and WeChat. Never in prod.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "careEmbeddedDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.matchesProfiles("prod")) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("care.embedded.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        if (absent(env, "spring.datasource.url")) {
            defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("care")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        if (absent(env, "spring.data.redis.host") && absent(env, "spring.data.redis.url")) {
            int port = freePort();
            defaults.put("spring.data.redis.host", "127.0.0.1");
            defaults.put("spring.data.redis.port", port);
            defaults.put("care.embedded.redis-port", port);
        }
        if (absent(env, "care.wechat.api-host-url")) {
            defaults.put("care.wechat.sandbox.enabled", true);
        }
        if (absent(env, "care.crypto.phone-key")) {
            defaults.put("care.crypto.phone-key", localKey(dataDir.resolve("phone.key")));
        }
        // First, so that a property set but left blank (an unset environment variable) also means "embedded".
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, defaults));
    }

    private static boolean absent(ConfigurableEnvironment env, String key) {
        String value = env.getProperty(key);
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for embedded Redis", e);
        }
    }

    /** A key made on first start and kept beside the embedded database, so encrypted data survives a restart. */
    private static String localKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, encoded);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded phone key at " + file, e);
        }
    }
}
