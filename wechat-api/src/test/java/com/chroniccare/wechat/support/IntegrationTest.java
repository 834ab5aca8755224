package com.chroniccare.wechat.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full service on a random port, used through real HTTP. With {@code -Pmysql} the build passes it.datasource.url
 * and it.redis.host, and the service uses MariaDB/MySQL and Redis at 127.0.0.1; left blank, the embedded default
 * fills in (H2 in MySQL mode, embedded Redis). WeChat is always the sandbox, reached by the real WxJava client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${it.datasource.url:}",
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "spring.data.redis.host=${it.redis.host:}",
        "care.embedded.data-dir=target/it-data",
        "care.demo.seed=false",
        // Every test client is 127.0.0.1 and CI shares one Redis; AuthIT exercises the limiter per client instead.
        "care.auth.logins-per-minute=100000",
        // Tests drive the ticks themselves: a cached context ticking in the background would dispatch or time out
        // other tests' reminders and alerts in the shared database.
        "spring.quartz.auto-startup=false"})
public @interface IntegrationTest {
}
