package com.chroniccare.wechat.config;

import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * The access token shared through Redis, read at most once a second per instance. WxJava's Redis config asks Redis
 * twice on every API call (the token, then its TTL); at thousands of reminder sends a second those round trips were
 * what the senders waited on. An expired token is never kept. A refresh or an expiry on this instance drops the
 * local copy at once; one made by another instance is seen within a second (and an outdated token makes WeChat
 * answer 40001, on which WxJava expires it and retries).
 */
final class SharedTokenConfig extends WxMaRedisBetterConfigImpl {

    private static final long LOCAL_MILLIS = 1_000;

    private record Local(String token, boolean expired, long readAt) {
    }

    private volatile Local local;

    SharedTokenConfig(WxRedisOps redis, String keyPrefix) {
        super(redis, keyPrefix);
    }

    @Override
    public String getAccessToken() {
        return current().token();
    }

    @Override
    public boolean isAccessTokenExpired() {
        return current().expired();
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        super.updateAccessToken(accessToken, expiresInSeconds);
        local = null;
    }

    @Override
    public void expireAccessToken() {
        super.expireAccessToken();
        local = null;
    }

    private Local current() {
        Local l = local;
        long now = System.currentTimeMillis();
        if (l == null || now - l.readAt() > LOCAL_MILLIS) {
            l = new Local(super.getAccessToken(), super.isAccessTokenExpired(), now);
            // Only a valid token is kept: WxJava re-checks expiry after taking the refresh lock, and that check
            // must see a token another instance just stored, or both instances fetch one.
            local = l.expired() ? null : l;
        }
        return l;
    }
}
