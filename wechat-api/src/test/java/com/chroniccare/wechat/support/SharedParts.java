package com.chroniccare.wechat.support;

import java.nio.file.Path;
import java.util.Map;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import redis.embedded.RedisServer;

/**
 * What several service instances of one test share besides the database: a standalone WeChat sandbox and an
 * embedded Redis of the test's own, which the test may stop and start again.
 */
public final class SharedParts implements AutoCloseable {

    private final WeChatSandbox sandbox = WeChatSandbox.start(0);
    private final int redisPort = Instances.freePort();
    private RedisServer redis = Instances.redis(redisPort);

    public WeChatSandbox sandbox() {
        return sandbox;
    }

    public void stopRedis() throws Exception {
        redis.stop();
    }

    public void startRedis() {
        redis = Instances.redis(redisPort);
    }

    /** Instance properties: the shared database under {@code dir}, this Redis and this sandbox. */
    public Map<String, Object> properties(Path dir) {
        Map<String, Object> p = Instances.database(dir);
        p.put("spring.data.redis.host", "127.0.0.1");
        p.put("spring.data.redis.port", redisPort);
        p.put("care.wechat.api-host-url", sandbox.baseUrl());
        return p;
    }

    @Override
    public void close() throws Exception {
        sandbox.stop();
        redis.stop();
    }
}
