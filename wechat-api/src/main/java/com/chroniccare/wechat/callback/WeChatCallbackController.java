package com.chroniccare.wechat.callback;

import java.time.Duration;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.binarywang.wx.miniapp.util.crypt.WxMaCryptUtils;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.wechat.groups.ImageCheckEvents;
import com.chroniccare.wechat.subscribe.SubscriptionEvents;
import com.google.gson.JsonParser;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat message push. Every request must carry a valid plaintext {@code signature}; in secure mode the
 * {@code msg_signature} is checked too, for JSON as well as XML (WxJava skips that check for JSON). WeChat retries
 * pushes and any instance may receive them, so events are de-duplicated in Redis.
 */
@RestController
@RequestMapping("/wechat/callback")
class WeChatCallbackController {

    private static final Logger log = LoggerFactory.getLogger(WeChatCallbackController.class);
    private static final Duration DEDUP_WINDOW = Duration.ofDays(1);

    private final WxMaService wechat;
    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final SubscriptionEvents subscriptions;
    private final ImageCheckEvents imageChecks;

    WeChatCallbackController(WxMaService wechat, StringRedisTemplate redis, MeterRegistry meters,
                             SubscriptionEvents subscriptions, ImageCheckEvents imageChecks) {
        this.wechat = wechat;
        this.redis = redis;
        this.meters = meters;
        this.subscriptions = subscriptions;
        this.imageChecks = imageChecks;
    }

    /** URL verification when the push URL is saved in the mini-program console. */
    @GetMapping(produces = "text/plain")
    String verify(@RequestParam String signature, @RequestParam String timestamp, @RequestParam String nonce,
                  @RequestParam String echostr) {
        requireSignature(timestamp, nonce, signature);
        return echostr;
    }

    @PostMapping(produces = "text/plain")
    String receive(@RequestParam String signature, @RequestParam String timestamp, @RequestParam String nonce,
                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                   @RequestBody String body) {
        requireSignature(timestamp, nonce, signature);
        WxMaMessage message = parse(body, "aes".equals(encryptType), timestamp, nonce, msgSignature);
        String event = message.getEvent() == null ? message.getMsgType() : message.getEvent();
        // Image verdicts come from one sender and may share a second: their trace id tells them apart.
        String key = "care:wx-event:" + (message.getMsgId() != null ? message.getMsgId()
                : event + ":" + message.getFromUser() + ":" + message.getCreateTime()
                + (message.getTraceId() == null ? "" : ":" + message.getTraceId()));
        if (firstDelivery(key)) {
            meters.counter("care.wechat.callback.events", "event", String.valueOf(event)).increment();
            log.info("WeChat event {} from {}", event, message.getFromUser());
            try {
                subscriptions.on(event, message);
                imageChecks.on(event, message);
            } catch (RuntimeException e) {
                forget(key); // WeChat retries a push that failed; let the retry through
                throw e;
            }
        }
        return "success";
    }

    private WxMaMessage parse(String body, boolean encrypted, String timestamp, String nonce, String msgSignature) {
        boolean xml = body.stripLeading().startsWith("<");
        try {
            if (!encrypted) {
                return xml ? WxMaMessage.fromXml(body) : WxMaMessage.fromJson(body);
            }
            if (msgSignature == null) {
                throw badSignature();
            }
            if (xml) {
                return WxMaMessage.fromEncryptedXml(body, wechat.getWxMaConfig(), timestamp, nonce, msgSignature);
            }
            String encrypt = JsonParser.parseString(body).getAsJsonObject().get("Encrypt").getAsString();
            String plain = new WxMaCryptUtils(wechat.getWxMaConfig()).decryptContent(msgSignature, timestamp, nonce, encrypt);
            return WxMaMessage.fromJson(plain);
        } catch (CareException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("rejected WeChat push: {}", e.getMessage());
            throw badSignature();
        }
    }

    private boolean firstDelivery(String key) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, "1", DEDUP_WINDOW));
        } catch (DataAccessException e) {
            log.warn("event de-duplication unavailable, processing {} anyway: {}", key, e.getMessage());
            return true;
        }
    }

    private void forget(String key) {
        try {
            redis.delete(key);
        } catch (DataAccessException e) {
            log.warn("could not forget event {}: {}", key, e.getMessage());
        }
    }

    private void requireSignature(String timestamp, String nonce, String signature) {
        if (!wechat.checkSignature(timestamp, nonce, signature)) {
            throw badSignature();
        }
    }

    private static CareException badSignature() {
        return new CareException(ProblemCode.FORBIDDEN, "callback.bad-signature");
    }
}
