package com.chroniccare.wechat.callback;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The message-push endpoint, signed and encrypted the way WeChat does it. */
@IntegrationTest
class WeChatCallbackIT {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Value("${care.wechat.callback-token}")
    String token;
    @Value("${care.wechat.callback-aes-key}")
    String aesKey;
    @Value("${care.wechat.app-id}")
    String appId;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void urlVerificationEchoesOnlyWithAValidSignature() {
        String timestamp = "1732400000", nonce = "n1";
        Api.Response ok = api.get("/wechat/callback?signature=" + SHA1.gen(token, timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&echostr=hello", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.raw().body()).isEqualTo("hello");
        assertThat(api.get("/wechat/callback?signature=forged&timestamp=" + timestamp + "&nonce=" + nonce
                + "&echostr=hello", null).status()).isEqualTo(403);
    }

    @Test
    void encryptedJsonIsAcceptedOnlyWithAValidMsgSignatureAndEachEventCountsOnce() {
        String event = "{\"ToUserName\":\"gh_x\",\"FromUserName\":\"o-" + UUID.randomUUID() + "\",\"CreateTime\":"
                + System.currentTimeMillis() / 1000 + ",\"MsgType\":\"event\",\"Event\":\"subscribe_msg_popup_event\","
                + "\"SubscribeMsgPopupEvent\":{\"List\":[{\"TemplateId\":\"t1\",\"SubscribeStatusString\":\"accept\",\"PopupScene\":\"0\"}]}}";
        String encrypt = new WxCryptUtil(token, aesKey, appId).encrypt("abcdefghijklmnop", event);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000), nonce = "n2";
        String body = "{\"ToUserName\":\"gh_x\",\"Encrypt\":\"" + encrypt + "\"}";
        double before = count("subscribe_msg_popup_event");

        assertThat(push(body, timestamp, nonce, SHA1.gen(token, timestamp, nonce, encrypt)).status()).isEqualTo(200);
        assertThat(push(body, timestamp, nonce, SHA1.gen(token, timestamp, nonce, encrypt)).raw().body()).isEqualTo("success");
        assertThat(count("subscribe_msg_popup_event")).isEqualTo(before + 1);

        Api.Response forged = push(body, timestamp, nonce, SHA1.gen(token, timestamp, nonce, "tampered"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(push(body, timestamp, nonce, null).status()).isEqualTo(403);
    }

    @Test
    void encryptedXmlAndPlaintextPushesAreVerified() {
        String xml = "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o-" + UUID.randomUUID()
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_change_event]]></Event></xml>";
        String encrypt = new WxCryptUtil(token, aesKey, appId).encrypt("abcdefghijklmnop", xml);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000), nonce = "n3";
        String envelope = "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        assertThat(push(envelope, timestamp, nonce, SHA1.gen(token, timestamp, nonce, encrypt)).status()).isEqualTo(200);
        assertThat(push(envelope, timestamp, nonce, SHA1.gen(token, timestamp, nonce, "x")).status()).isEqualTo(403);

        String plain = "{\"FromUserName\":\"o-" + UUID.randomUUID() + "\",\"CreateTime\":1,\"MsgType\":\"event\",\"Event\":\"subscribe_msg_sent_event\"}";
        String signature = SHA1.gen(token, timestamp, nonce);
        Api.Response ok = api.send(api.request("/wechat/callback?signature=" + signature + "&timestamp=" + timestamp
                + "&nonce=" + nonce, null).POST(HttpRequest.BodyPublishers.ofString(plain)));
        assertThat(ok.status()).isEqualTo(200);
        Api.Response unsigned = api.send(api.request("/wechat/callback?signature=bad&timestamp=" + timestamp
                + "&nonce=" + nonce, null).POST(HttpRequest.BodyPublishers.ofString(plain)));
        assertThat(unsigned.status()).isEqualTo(403);
    }

    private Api.Response push(String body, String timestamp, String nonce, String msgSignature) {
        String query = "?signature=" + SHA1.gen(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&encrypt_type=aes" + (msgSignature == null ? "" : "&msg_signature=" + URLEncoder.encode(msgSignature, StandardCharsets.UTF_8));
        return api.send(api.request("/wechat/callback" + query, null).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private double count(String event) {
        var counter = meters.find("care.wechat.callback.events").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }
}
