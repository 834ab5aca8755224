package com.chroniccare.wechat.security;

import java.time.Clock;
import java.time.Duration;

import com.chroniccare.core.CareException;
import com.chroniccare.core.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per client, in Redis so they hold across instances. Keyed by client, so one client guessing
 * codes cannot lock anyone else out. If Redis is down the limiter lets requests through: login then fails anyway
 * (tokens live in Redis), and a limiter outage must not be what locks patients out.
 */
@Component
public class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);

    private final StringRedisTemplate redis;
    private final AuthProperties properties;
    private final Clock clock;

    LoginRateLimiter(StringRedisTemplate redis, AuthProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts an attempt; refuses it if the client is over either limit. */
    public void attempt(String client) {
        long minute = clock.millis() / 60_000;
        if (count("care:rl:login:" + client + ":" + minute, Duration.ofMinutes(2), 1) > properties.loginsPerMinute()
                || count(failureKey(client), FAILURE_WINDOW, 0) >= properties.failuresPer10Min()) {
            throw new CareException(ProblemCode.RATE_LIMITED, "auth.rate-limited");
        }
    }

    public void failed(String client) {
        count(failureKey(client), FAILURE_WINDOW, 1);
    }

    private long count(String key, Duration window, long delta) {
        try {
            Long value = delta == 0 ? parse(redis.opsForValue().get(key)) : redis.opsForValue().increment(key, delta);
            if (delta > 0 && value != null && value == delta) {
                redis.expire(key, window);
            }
            return value == null ? 0 : value;
        } catch (DataAccessException e) {
            log.warn("login rate limiter unavailable, allowing request: {}", e.getMessage());
            return 0;
        }
    }

    private static Long parse(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    private static String failureKey(String client) {
        return "care:rl:login-fail:" + client;
    }
}
