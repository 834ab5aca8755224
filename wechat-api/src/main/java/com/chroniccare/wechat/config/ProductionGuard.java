package com.chroniccare.wechat.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In the prod profile, refuses to start with the sandbox enabled, an embedded store, or a secret that is missing or
 * still a placeholder. Failing at start-up is kinder than running a clinic on demo credentials.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    private static final List<String> REQUIRED = List.of("care.bootstrap.admin-username", "spring.datasource.url",
            "spring.data.redis.host");
    private static final List<String> SECRETS = List.of("care.wechat.app-id", "care.wechat.secret",
            "care.wechat.callback-token", "care.wechat.callback-aes-key", "care.crypto.phone-key",
            "care.bootstrap.admin-password", "spring.datasource.password", "care.wechat.templates.alert",
            "care.wechat.templates.patient-nudge", "care.wechat.templates.reminder", "care.wechat.templates.group");
    private static final Set<String> PLACEHOLDERS = Set.of("change-me", "changeme", "demo", "sandbox", "password",
            "secret", "admin", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.matchesProfiles("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (env.getProperty("care.wechat.sandbox.enabled", Boolean.class, false)) {
            problems.add("care.wechat.sandbox.enabled must be false in prod");
        }
        for (String key : REQUIRED) {
            if (env.getProperty(key, "").isBlank()) {
                problems.add(key + " is not set");
            }
        }
        for (String key : SECRETS) {
            String value = env.getProperty(key, "");
            if (value.isBlank()) {
                problems.add(key + " is not set");
            } else if (isPlaceholder(value)) {
                problems.add(key + " is still a placeholder value");
            }
        }
        if (env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2")) {
            problems.add("spring.datasource.url must point at MySQL in prod, not H2");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems));
        }
    }

    static boolean isPlaceholder(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(v) || v.startsWith("change-me") || v.contains("sandbox") || v.startsWith("demo-");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
