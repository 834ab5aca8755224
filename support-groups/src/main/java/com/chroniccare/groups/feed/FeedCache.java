package com.chroniccare.groups.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.chroniccare.groups.PostKind;
import com.chroniccare.groups.config.GroupsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The head of each group's feed (pinned broadcasts and the newest posts, with sticker counts) in Redis; MySQL is the
 * truth. Every change bumps the group's version after commit, and a page is cached under the version it was read
 * at, so a reader racing a writer can only fill a key nobody reads any more. A versioned head never changes, so each
 * instance also keeps the most recently used ones in memory, and it remembers a group's version for a quarter of a
 * second: a post shows at once on the instance that took it and within that time on the others. Without Redis,
 * reads go to MySQL.
 */
@Component
class FeedCache {

    /** Posts kept per group beyond the pinned ones: the default page; larger first pages read MySQL. */
    static final int HEAD = 20;
    /** How long an instance trusts the version it last read for a group. */
    private static final long VERSION_MILLIS = 250;
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(FeedCache.class);

    /** A post as everyone sees it; per-member details (mine, my stickers) are added per request. */
    record Item(long id, long groupId, PostKind kind, long authorId, String authorName, String title, String text,
                List<String> images, boolean pinned, Map<String, Integer> stickers, Instant createdAt) {
    }

    record Head(List<Item> pinned, List<Item> recent) {
    }

    private record Version(String value, long readAt) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Map<String, Head> local;
    private final Map<Long, Version> versions = new ConcurrentHashMap<>();

    FeedCache(StringRedisTemplate redis, JsonMapper json, GroupsProperties properties) {
        this.redis = redis;
        this.json = json;
        int capacity = properties.localHeads();
        this.local = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        });
    }

    Head head(long groupId, Supplier<Head> load) {
        String key;
        try {
            key = "care:grp:feed:" + groupId + ":" + version(groupId);
            Head mine = local.get(key);
            if (mine != null) {
                return mine;
            }
            String cached = redis.opsForValue().get(key);
            if (cached != null) {
                Head head = json.readValue(cached, Head.class);
                local.put(key, head);
                return head;
            }
        } catch (DataAccessException e) {
            log.debug("feed cache unavailable, reading MySQL: {}", e.getMessage());
            return load.get();
        }
        Head head = load.get();
        local.put(key, head);
        try {
            redis.opsForValue().set(key, json.writeValueAsString(head), TTL);
        } catch (DataAccessException e) {
            log.debug("feed cache not filled: {}", e.getMessage());
        }
        return head;
    }

    /** After the current transaction commits (or now, outside one): the group's cached pages are stale. */
    void changed(long groupId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump(groupId);
                }
            });
        } else {
            bump(groupId);
        }
    }

    private String version(long groupId) {
        Version v = versions.get(groupId);
        long now = System.currentTimeMillis();
        if (v == null || now - v.readAt() > VERSION_MILLIS) {
            String value = redis.opsForValue().get(versionKey(groupId));
            v = new Version(value == null ? "0" : value, now);
            versions.put(groupId, v);
        }
        return v.value();
    }

    private void bump(long groupId) {
        try {
            Long version = redis.opsForValue().increment(versionKey(groupId));
            versions.put(groupId, new Version(String.valueOf(version), System.currentTimeMillis()));
        } catch (DataAccessException e) {
            versions.remove(groupId);
            // A stale page would outlive this change by at most the TTL; say so rather than fail the write.
            log.warn("feed cache of group {} could not be invalidated: {}", groupId, e.getMessage());
        }
    }

    private static String versionKey(long groupId) {
        return "care:grp:feed-version:" + groupId;
    }
}
