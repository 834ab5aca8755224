package com.chroniccare.wechat.config;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionGuardTest {

    private final ProductionGuard guard = new ProductionGuard();
    private final EmbeddedDefaults embedded = new EmbeddedDefaults();

    private static Map<String, Object> realConfiguration() {
        Map<String, Object> p = new HashMap<>();
        p.put("care.wechat.app-id", "wx8f3c2a91b7d4e605");
        p.put("care.wechat.secret", "3f9a1c7e5b2d4086a1c3e5f7b9d2a4c6");
        p.put("care.wechat.callback-token", "Kq7vN2pX9rT4");
        p.put("care.wechat.callback-aes-key", "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg");
        p.put("care.crypto.phone-key", "q6m0yWlq6X7bq2z7f2oQ1m3m0i8oK3Zb6kq1u5n3p0E=");
        p.put("care.bootstrap.admin-username", "admin");
        p.put("care.bootstrap.admin-password", "Vx8#kq2!Lm4pRt7w");
        p.put("spring.datasource.url", "jdbc:mysql://db:3306/care");
        p.put("spring.datasource.password", "s3cr3t-db-pass-91");
        p.put("spring.data.redis.host", "redis");
        p.put("care.wechat.templates.alert", "Jq3kV0xYw9aLrT5nB2mC7dE1fG4hI6jK8lM0nO2pQ4");
        p.put("care.wechat.templates.patient-nudge", "Rt5yU7iO9pA1sD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1");
        p.put("care.wechat.templates.reminder", "Mn4bV6cX8zL0kJ2hG4fD6sA8pO0iU2yT4rE6wQ8aZ1");
        p.put("care.wechat.templates.group", "Pl9oK7iJ5uH3yG1tF9rD7eS5wA3qZ1xC9vB7nM5kL2");
        return p;
    }

    private static StandardEnvironment prod(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("prod");
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    @Test
    void startsWithRealConfiguration() {
        assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(prod(realConfiguration()), null));
    }

    @Test
    void refusesTheSandboxAPlaceholderOrAMissingSecret() {
        Map<String, Object> sandbox = realConfiguration();
        sandbox.put("care.wechat.sandbox.enabled", "true");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(prod(sandbox), null))
                .withMessageContaining("sandbox");

        Map<String, Object> placeholder = realConfiguration();
        placeholder.put("care.bootstrap.admin-password", "change-me");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(prod(placeholder), null))
                .withMessageContaining("care.bootstrap.admin-password");

        Map<String, Object> missing = realConfiguration();
        missing.remove("care.crypto.phone-key");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(prod(missing), null))
                .withMessageContaining("care.crypto.phone-key");

        Map<String, Object> h2 = realConfiguration();
        h2.put("spring.datasource.url", "jdbc:h2:file:./data/care");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(prod(h2), null))
                .withMessageContaining("H2");
    }

    @Test
    void embeddedDefaultsFillOnlyWhatIsAbsentAndNeverInProd() {
        StandardEnvironment dev = new StandardEnvironment();
        dev.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", "jdbc:mysql://127.0.0.1:3306/care", "spring.data.redis.host", "",
                "care.embedded.data-dir", "target/guard-test")));
        embedded.postProcessEnvironment(dev, null);
        assertThat(dev.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://127.0.0.1:3306/care");
        assertThat(dev.getProperty("care.embedded.redis-port")).isNotNull();
        assertThat(dev.getProperty("care.wechat.sandbox.enabled")).isEqualTo("true");
        assertThat(dev.getProperty("care.crypto.phone-key")).isNotBlank();

        StandardEnvironment prod = prod(Map.of());
        embedded.postProcessEnvironment(prod, null);
        assertThat(prod.getProperty("care.wechat.sandbox.enabled")).isNull();
        assertThat(prod.getProperty("spring.datasource.url")).isNull();
    }
}
