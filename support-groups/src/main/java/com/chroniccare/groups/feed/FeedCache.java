package com.chroniccare.groups.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.chroniccare.groups.PostKind;
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
 * instance also keeps the most recently used ones in memory and asks Redis only for the version. Without Redis,
 * reads go to MySQL.
 */
@Component
class FeedCache {

    /** Posts kept per group beyond the pinned ones: the default page; larger first pages read MySQL. */
    static final int HEAD = 20;
    /** Heads kept in memory per instance (a head is a few kilobytes). */
    private static final int LOCAL_HEADS = 4_000;
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(FeedCache.class);

    /** A post as everyone sees it; per-member details (mine, my stickers) are added per request. */
    record Item(long id, long groupId, PostKind kind, long authorId, String authorName, String title, String text,
                List<String> images, boolean pinned, Map<String, Integer> stickers, Instant createdAt) {
    }

    record Head(List<Item> pinned, List<Item> recent) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Map<String, Head> local = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > LOCAL_HEADS;
        }
    });

    FeedCache(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    Head head(long groupId, Supplier<Head> load) {
        String key;
        try {
            String version = redis.opsForValue().get(versionKey(groupId));
            key = "care:grp:feed:" + groupId + ":" + (version == null ? "0" : version);
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

    private void bump(long groupId) {
        try {
            redis.opsForValue().increment(versionKey(groupId));
        } catch (DataAccessException e) {
            // A stale page would outlive this change by at most the TTL; say so rather than fail the write.
            log.warn("feed cache of group {} could not be invalidated: {}", groupId, e.getMessage());
        }
    }

    private static String versionKey(long groupId) {
        return "care:grp:feed-version:" + groupId;
    }
}
