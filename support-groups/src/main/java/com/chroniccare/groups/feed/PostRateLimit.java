package com.chroniccare.groups.feed;

import java.time.Clock;
import java.time.Duration;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Posts per member per minute, counted in Redis; without Redis nobody is limited (posting matters more). */
@Component
class PostRateLimit {

    private final StringRedisTemplate redis;
    private final Clock clock;

    PostRateLimit(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    boolean allow(long userId, int perMinute) {
        String key = "care:grp:rate:" + userId + ":" + clock.millis() / 60_000;
        try {
            Long n = redis.opsForValue().increment(key);
            if (n != null && n == 1) {
                redis.expire(key, Duration.ofMinutes(2));
            }
            return n == null || n <= perMinute;
        } catch (DataAccessException e) {
            return true;
        }
    }
}
