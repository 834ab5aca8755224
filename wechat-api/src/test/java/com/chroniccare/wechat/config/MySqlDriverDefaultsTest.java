package com.chroniccare.wechat.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlDriverDefaultsTest {

    private static final String CACHE = "spring.datasource.hikari.data-source-properties.cachePrepStmts";

    private static StandardEnvironment withUrl(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new MySqlDriverDefaults().postProcessEnvironment(env, null);
        return env;
    }

    @Test
    void aMySqlUrlGetsTheStatementCacheAndBatchRewriting() {
        StandardEnvironment env = withUrl(Map.of("spring.datasource.url", "jdbc:mysql://db:3306/care"));
        assertThat(env.getProperty(CACHE)).isEqualTo("true");
        assertThat(env.getProperty("spring.datasource.hikari.data-source-properties.rewriteBatchedStatements")).isEqualTo("true");
    }

    @Test
    void whatTheOperatorSetsWins() {
        StandardEnvironment env = withUrl(Map.of("spring.datasource.url", "jdbc:mysql://db:3306/care", CACHE, "false"));
        assertThat(env.getProperty(CACHE)).isEqualTo("false");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(withUrl(Map.of("spring.datasource.url", "jdbc:h2:file:./data/care")).getProperty(CACHE)).isNull();
        assertThat(withUrl(Map.of()).getProperty(CACHE)).isNull();
    }
}
