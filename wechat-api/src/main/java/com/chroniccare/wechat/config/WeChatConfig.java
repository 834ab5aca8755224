package com.chroniccare.wechat.config;

import java.util.Optional;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceHttpClientImpl;
import cn.binarywang.wx.miniapp.config.WxMaConfig;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real WxJava client, wired by hand (notes/wxjava.md): HttpClient 4, token shared in Redis, stable token. The
 * subscription ledger's mapper lives beside it in wechat-api.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "com.chroniccare.wechat.subscribe", annotationClass = Mapper.class)
class WeChatConfig {

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "care.wechat.sandbox.enabled", havingValue = "true")
    WeChatSandbox weChatSandbox() {
        return WeChatSandbox.start(0);
    }

    @Bean
    WxMaConfig wxMaConfig(WeChatProperties properties, StringRedisTemplate redis, Optional<WeChatSandbox> sandbox) {
        WxMaRedisBetterConfigImpl config = new SharedTokenConfig(new RedisTemplateWxRedisOps(redis), "care:wx");
        // setAppid also derives the Redis key and lock names, so it must come first.
        config.setAppid(properties.appId());
        config.setSecret(properties.secret());
        config.setToken(properties.callbackToken());
        config.setAesKey(properties.callbackAesKey());
        config.setMsgDataFormat("JSON");
        config.useStableAccessToken(true);
        DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
        http.setMaxConnPerHost(properties.http().maxConnections());
        http.setMaxTotalConn(properties.http().maxConnections());
        config.setApacheHttpClientBuilder(http);
        String host = sandbox.map(WeChatSandbox::baseUrl).orElse(properties.apiHostUrl());
        if (host != null && !host.isBlank()) {
            config.setApiHostUrl(host);
        }
        return config;
    }

    @Bean
    WxMaService wxMaService(WxMaConfig config, WeChatProperties properties) {
        WxMaService service = new WxMaServiceHttpClientImpl();
        service.setWxMaConfig(config);
        // Retry settings are read from the service; the same fields on the config are ignored.
        service.setMaxRetryTimes(properties.retry().maxTimes());
        service.setRetrySleepMillis(properties.retry().sleepMillis());
        return service;
    }
}
