package com.chroniccare.wechat.config;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/** Starts the bundled redis-server when no Redis was configured ({@link EmbeddedDefaults} picked the port). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("care.embedded.redis-port")
class EmbeddedRedisConfig {

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(@Value("${care.embedded.redis-port}") int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return server;
    }

    /** Makes the Lettuce connection factory wait for the embedded server; it changes nothing else. */
    @Bean
    LettuceClientConfigurationBuilderCustomizer afterEmbeddedRedis(RedisServer embeddedRedis) {
        return builder -> { };
    }
}
