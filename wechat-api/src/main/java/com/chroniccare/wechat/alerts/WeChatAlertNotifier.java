package com.chroniccare.wechat.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.chroniccare.alerting.AlertMessage;
import com.chroniccare.alerting.AlertNotifier;
import com.chroniccare.alerting.DeliveryResult;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.wechat.config.WeChatProperties;
import com.chroniccare.wechat.subscribe.SubscribeMessageSender;
import org.springframework.stereotype.Component;

/**
 * Alert notifications as WeChat subscribe messages. They carry no readings or diagnoses, only a patient's display
 * name, the severity and the rule: the detail is behind the staff login that the message opens.
 */
@Component
class WeChatAlertNotifier implements AlertNotifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final SubscribeMessageSender sender;
    private final AccountsApi accounts;
    private final WeChatProperties.Templates templates;

    WeChatAlertNotifier(SubscribeMessageSender sender, AccountsApi accounts, WeChatProperties properties) {
        this.sender = sender;
        this.accounts = accounts;
        this.templates = properties.templates();
    }

    @Override
    public DeliveryResult deliver(AlertMessage m) {
        Map<String, String> data = new LinkedHashMap<>();
        String template;
        String page;
        if (m.kind() == AlertMessage.Kind.PATIENT_NUDGE) {
            template = templates.patientNudge();
            page = "pages/readings/new";
            data.put("thing1", "该测量血糖/血压了");
            data.put("time2", TIME.format(m.at()));
        } else {
            template = templates.alert();
            page = m.alertId() == null ? "pages/staff/alerts" : "pages/staff/alerts/detail?id=" + m.alertId();
            data.put("thing1", m.patientId() == null ? "照护团队" : SubscribeMessageSender.thing(patientName(m.patientId())));
            data.put("phrase2", String.valueOf(m.severity()));
            data.put("thing3", SubscribeMessageSender.thing(m.kind() + " " + m.rule()));
            data.put("time4", TIME.format(m.at()));
        }
        SubscribeMessageSender.Result r = sender.send(m.recipientId(), template, page, data);
        // A timeout is retried too: for an alert, a duplicate message is better than a missing one.
        return switch (r.status()) {
            case SENT -> DeliveryResult.ok();
            case RETRY, UNCERTAIN -> DeliveryResult.failed(true, r.errorCode(), r.error());
            case REFUSED, FAILED -> DeliveryResult.failed(false, r.errorCode(), r.error());
        };
    }

    private String patientName(long patientId) {
        String name = accounts.get(patientId).displayName();
        return name == null ? "患者 " + patientId : name;
    }
}
