package com.chroniccare.wechat.subscribe;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.IntegrationTest;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription ledger through the API, the callback and the shared sender: what the user allowed is what gets
 * sent, never more, whatever WeChat answers and however many sends race.
 */
@IntegrationTest
class SubscriptionLedgerIT {

    static final String REMINDER = "sandbox-reminder-template";

    @LocalServerPort
    int port;
    @Autowired
    SubscribeMessageSender sender;
    @Autowired
    WeChatSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${care.wechat.callback-token}")
    String callbackToken;
    Api api;
    Api.Patient patient;
    long patientId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        patient = api.consentedPatient();
        patientId = Long.parseLong(patient.id());
    }

    JsonNode report(String token, String template, String decision) {
        return api.post("/api/v1/subscriptions", token, Map.of("results", Map.of(template, decision))).body();
    }

    JsonNode template(String token, String template) {
        for (JsonNode t : api.get("/api/v1/subscriptions", token).body()) {
            if (t.get("templateId").asString().equals(template)) {
                return t;
            }
        }
        throw new AssertionError(template + " not listed");
    }

    int remaining() {
        return template(patient.token(), REMINDER).get("remaining").asInt();
    }

    SubscribeMessageSender.Result send() {
        return sender.send(patientId, REMINDER, "pages/index", Map.of("thing1", "test"));
    }

    void callback(String event, String openid, String template, String status, long createTime) {
        // WeChat's JSON push: a top-level List; a popup event's items carry PopupScene, a change event's do not.
        String scene = event.equals("subscribe_msg_popup_event") ? ",\"PopupScene\":\"0\"" : "";
        String body = "{\"ToUserName\":\"gh_x\",\"FromUserName\":\"" + openid + "\",\"CreateTime\":" + createTime
                + ",\"MsgType\":\"event\",\"Event\":\"" + event + "\",\"List\":[{\"TemplateId\":\"" + template
                + "\",\"SubscribeStatusString\":\"" + status + "\"" + scene + "}]}";
        String timestamp = String.valueOf(createTime), nonce = "n" + createTime;
        Api.Response r = api.send(api.request("/wechat/callback?signature=" + SHA1.gen(callbackToken, timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce, null).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void acceptAddsOneRejectKeepsWhatWasGivenBanTakesEverything() {
        assertThat(template(patient.token(), REMINDER).get("purpose").asString()).isEqualTo("REMINDER");
        assertThat(template(patient.token(), REMINDER).get("longTerm").asBoolean()).isFalse();
        report(patient.token(), REMINDER, "accept");
        report(patient.token(), REMINDER, "accept");
        assertThat(remaining()).isEqualTo(2);
        report(patient.token(), REMINDER, "reject");
        assertThat(remaining()).isEqualTo(2);
        assertThat(send().sent()).isTrue();
        assertThat(remaining()).isEqualTo(1);
        report(patient.token(), REMINDER, "ban");
        assertThat(remaining()).isZero();
        assertThat(send().status()).isEqualTo(SubscribeMessageSender.Status.REFUSED);
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(patient.code()))).hasSize(1);
        report(patient.token(), REMINDER, "accept");
        assertThat(remaining()).isEqualTo(1);
    }

    @Test
    void badReportsAreRefusedWholeWithTheirFields() {
        Api.Response r = api.post("/api/v1/subscriptions", patient.token(), Map.of("results",
                Map.of(REMINDER, "accept", "someone-elses-template", "accept", "sandbox-nudge-template", "maybe")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").findValues("code")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("UNKNOWN_TEMPLATE", "UNKNOWN_VALUE");
        assertThat(remaining()).isZero();
        // A patient is not asked for the staff alert template.
        assertThat(api.post("/api/v1/subscriptions", patient.token(), Map.of("results",
                Map.of(CareTeamFixture.ALERT_TEMPLATE, "accept"))).status()).isEqualTo(400);
    }

    @Test
    void theAppsReportAndTheCallbackOfOneAcceptCountOnce() {
        String openid = WeChatSandbox.openidFor(patient.code());
        long now = System.currentTimeMillis() / 1000;
        report(patient.token(), REMINDER, "accept");
        callback("subscribe_msg_popup_event", openid, REMINDER, "accept", now);
        assertThat(remaining()).isEqualTo(1);
        // A later popup is a new decision, reported by the callback first this time.
        callback("subscribe_msg_popup_event", openid, REMINDER, "accept", now + 1);
        assertThat(remaining()).isEqualTo(2);
        report(patient.token(), REMINDER, "accept");
        assertThat(remaining()).isEqualTo(2);
        // Switched off in the mini-program's settings: nothing can be sent any more.
        callback("subscribe_msg_change_event", openid, REMINDER, "reject", now + 2);
        assertThat(remaining()).isZero();
        assertThat(template(patient.token(), REMINDER).get("status").asString()).isEqualTo("BAN");
    }

    @Test
    void weChatRefusingZeroesTheBalanceAndOtherFailuresGiveTheAuthorisationBack() {
        report(patient.token(), REMINDER, "accept");
        report(patient.token(), REMINDER, "accept");
        report(patient.token(), REMINDER, "accept");

        sandbox.failNextSends(45009, 1);
        assertThat(send().status()).isEqualTo(SubscribeMessageSender.Status.RETRY);
        assertThat(remaining()).isEqualTo(3);
        sandbox.failNextSends(47003, 1);
        assertThat(send().status()).isEqualTo(SubscribeMessageSender.Status.FAILED);
        assertThat(remaining()).isEqualTo(3);

        sandbox.failNextSends(43101, 1);
        SubscribeMessageSender.Result refused = send();
        assertThat(refused.status()).isEqualTo(SubscribeMessageSender.Status.REFUSED);
        assertThat(refused.errorCode()).isEqualTo(43101);
        assertThat(remaining()).isZero();
        assertThat(send().status()).isEqualTo(SubscribeMessageSender.Status.REFUSED);
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(patient.code()))).isEmpty();
    }

    @Test
    void aLongTermTemplateIsNotCountedButNeedsTheUsersYes() {
        CareTeamFixture team = CareTeamFixture.create(api, jdbc);
        long doctor = Long.parseLong(team.doctor().id());
        JsonNode alert = template(team.doctor().token(), CareTeamFixture.ALERT_TEMPLATE);
        assertThat(alert.get("purpose").asString()).isEqualTo("ALERT");
        assertThat(alert.get("longTerm").asBoolean()).isTrue();
        assertThat(alert.has("remaining")).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(sender.send(doctor, CareTeamFixture.ALERT_TEMPLATE, "p", Map.of()).sent()).isTrue();
        }
        report(team.doctor().token(), CareTeamFixture.ALERT_TEMPLATE, "reject");
        assertThat(sender.send(doctor, CareTeamFixture.ALERT_TEMPLATE, "p", Map.of()).status())
                .isEqualTo(SubscribeMessageSender.Status.REFUSED);
        assertThat(sandbox.messagesTo(team.doctor().openid())).hasSize(3);

        // Someone who never said yes gets nothing.
        CareTeamFixture.Staff fresh = team.clinician();
        report(fresh.token(), CareTeamFixture.ALERT_TEMPLATE, "ban");
        assertThat(sender.send(Long.parseLong(fresh.id()), CareTeamFixture.ALERT_TEMPLATE, "p", Map.of()).sent()).isFalse();
    }

    @Test
    void concurrentSendsNeverTakeMoreThanWasAllowed() throws Exception {
        for (int i = 0; i < 5; i++) {
            report(patient.token(), REMINDER, "accept");
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<SubscribeMessageSender.Result>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                results.add(pool.submit(this::send));
            }
            int sent = 0;
            for (Future<SubscribeMessageSender.Result> r : results) {
                sent += r.get().sent() ? 1 : 0;
            }
            assertThat(sent).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(remaining()).isZero();
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(patient.code()))).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT MIN(remaining) FROM wx_subscription", Integer.class)).isNotNegative();
    }
}
