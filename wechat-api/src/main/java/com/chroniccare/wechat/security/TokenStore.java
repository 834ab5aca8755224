package com.chroniccare.wechat.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.chroniccare.core.Role;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens kept in Redis with a TTL. Only a hash of the token is stored, so a Redis dump cannot be
 * replayed; each user's token hashes are indexed so logout-everywhere (account deletion) is possible.
 */
@Component
public class TokenStore {

    private static final String TOKEN_KEY = "care:token:";
    private static final String USER_KEY = "care:user-tokens:";

    private final StringRedisTemplate redis;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenStore(StringRedisTemplate redis, AuthProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long userId, Role role) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Duration ttl = role.isStaff() ? properties.staffTokenTtl() : properties.patientTokenTtl();
        String hash = hash(token);
        redis.opsForValue().set(TOKEN_KEY + hash, userId + ":" + role.name(), ttl);
        redis.opsForSet().add(USER_KEY + userId, hash);
        redis.expire(USER_KEY + userId, properties.patientTokenTtl().plus(properties.staffTokenTtl()));
        return new Issued(token, clock.instant().plus(ttl));
    }

    public Optional<CurrentUser> lookup(String token) {
        String value = redis.opsForValue().get(TOKEN_KEY + hash(token));
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        return Optional.of(new CurrentUser(Long.parseLong(value.substring(0, colon)), Role.valueOf(value.substring(colon + 1))));
    }

    public void revoke(String token) {
        redis.delete(TOKEN_KEY + hash(token));
    }

    public void revokeAll(long userId) {
        var hashes = redis.opsForSet().members(USER_KEY + userId);
        if (hashes != null) {
            hashes.forEach(h -> redis.delete(TOKEN_KEY + h));
        }
        redis.delete(USER_KEY + userId);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
