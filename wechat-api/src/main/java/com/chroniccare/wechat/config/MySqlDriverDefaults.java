package com.chroniccare.wechat.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Connector/J settings the service wants whenever it runs on MySQL, so an operator only sets the URL. Without a
 * statement cache the driver re-parses every SQL string on each prepare; on the readings path that parsing took a
 * quarter of the service's CPU (see docs/benchmarks.md). Added last, so any value the operator sets wins.
 */
public class MySqlDriverDefaults implements EnvironmentPostProcessor, Ordered {

    private static final String PREFIX = "spring.datasource.hikari.data-source-properties.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:mysql:")) {
            return;
        }
        env.getPropertySources().addLast(new MapPropertySource("careMySqlDriverDefaults", Map.of(
                PREFIX + "cachePrepStmts", "true",
                PREFIX + "prepStmtCacheSize", "500",
                PREFIX + "prepStmtCacheSqlLimit", "8192",
                // Batched inserts go out as one multi-row statement (readings arrive in batches of up to 500).
                PREFIX + "rewriteBatchedStatements", "true")));
    }

    @Override
    public int getOrder() {
        // After EmbeddedDefaults, which decides whether there is a MySQL URL at all.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
