package com.chroniccare.wechat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.chroniccare.CareApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/** Starts whole service instances by hand, for tests about several instances, restarts and outages. */
public final class Instances {

    private Instances() {
    }

    /** The database every instance of a test shares: MariaDB on CI, an H2 file under {@code dir} elsewhere. */
    public static Map<String, Object> database(Path dir) {
        Map<String, Object> p = new HashMap<>();
        String url = System.getProperty("it.datasource.url", "");
        if (url.isBlank()) {
            p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("care").toAbsolutePath()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            p.put("spring.datasource.username", "sa");
        } else {
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", "root");
        }
        p.put("spring.datasource.password", "");
        p.put("care.embedded.data-dir", dir.toString());
        p.put("care.demo.seed", "false");
        p.put("care.auth.logins-per-minute", 100000);
        return p;
    }

    /** Properties go in as command-line arguments, so they override application.yml as deployment settings do. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(properties, null);
    }

    /** An instance whose time is the given clock (shared by instances that must agree on it). */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Clock clock) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", 0);
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CareApplication.class);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        return builder.run(args);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static RedisServer redis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
