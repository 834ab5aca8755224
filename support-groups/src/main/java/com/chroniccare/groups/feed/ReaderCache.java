package com.chroniccare.groups.feed;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a feed read needs to know about the reader, in Redis so that reads touch no MySQL: a group's member ids and
 * the reader's own stickers in the group. Each set holds a marker once it was loaded from MySQL, so "absent" and
 * "not loaded" differ. A "not a member" answer is always re-checked in MySQL (a join is never refused by a stale
 * cache); a departure removes the member after commit, and the sets expire, which bounds how long a failed removal
 * (Redis down at that moment) could let a former member read on. Without Redis, callers read MySQL.
 */
@Component
class ReaderCache {

    private static final String LOADED = "-";
    private static final Duration TTL = Duration.ofMinutes(10);

    private final StringRedisTemplate redis;

    ReaderCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Empty when the cache cannot say (not loaded, or Redis away); true only for a loaded member. */
    Optional<Boolean> isMember(long groupId, long userId, Supplier<Collection<Long>> load) {
        String key = "care:grp:members:" + groupId;
        try {
            Map<Object, Boolean> found = redis.opsForSet().isMember(key, String.valueOf(userId), LOADED);
            if (!Boolean.TRUE.equals(found.get(LOADED))) {
                fill(key, load.get().stream().map(String::valueOf).toList());
                return Optional.empty();
            }
            return Optional.of(Boolean.TRUE.equals(found.get(String.valueOf(userId))));
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }

    /** The reader's stickers in the group as "postId:sticker", loaded from MySQL when not cached. */
    Set<String> myStickers(long groupId, long userId, Supplier<Collection<String>> load) {
        String key = mineKey(groupId, userId);
        try {
            Set<String> cached = redis.opsForSet().members(key);
            if (cached != null && cached.remove(LOADED)) {
                return cached;
            }
        } catch (DataAccessException e) {
            return Set.copyOf(load.get());
        }
        Collection<String> loaded = load.get();
        fill(key, loaded);
        return Set.copyOf(loaded);
    }

    void joined(long groupId, long userId) {
        afterCommit(() -> redis.opsForSet().add("care:grp:members:" + groupId, String.valueOf(userId)));
    }

    void left(long groupId, long userId) {
        afterCommit(() -> redis.opsForSet().remove("care:grp:members:" + groupId, String.valueOf(userId)));
    }

    void stickersChanged(long groupId, long userId) {
        afterCommit(() -> redis.delete(mineKey(groupId, userId)));
    }

    private void fill(String key, Collection<String> values) {
        try {
            redis.delete(key);
            String[] all = new String[values.size() + 1];
            values.toArray(all);
            all[values.size()] = LOADED;
            redis.opsForSet().add(key, all);
            redis.expire(key, TTL);
        } catch (DataAccessException e) {
            // reads fall back to MySQL
        }
    }

    private void afterCommit(Runnable change) {
        Runnable safe = () -> {
            try {
                change.run();
            } catch (DataAccessException e) {
                // the sets expire; until then a former member is the only stale case, and it is bounded by the TTL
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    safe.run();
                }
            });
        } else {
            safe.run();
        }
    }

    private static String mineKey(long groupId, long userId) {
        return "care:grp:mine:" + groupId + ":" + userId;
    }
}
