package com.chroniccare.wechat.reminders;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.chroniccare.reminder.ReminderChannel;
import com.chroniccare.reminder.ReminderMessage;
import com.chroniccare.wechat.config.WeChatProperties;
import com.chroniccare.wechat.subscribe.SubscribeMessageSender;
import org.springframework.stereotype.Component;

/** Medication reminders as WeChat subscribe messages, through the shared sender and its ledger. */
@Component
class WeChatReminderChannel implements ReminderChannel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SubscribeMessageSender sender;
    private final String template;

    WeChatReminderChannel(SubscribeMessageSender sender, WeChatProperties properties) {
        this.sender = sender;
        this.template = properties.templates().reminder();
    }

    @Override
    public Map<Long, String> reserve(Collection<Long> patientIds) {
        return sender.reserve(template, patientIds);
    }

    @Override
    public Delivery send(String openid, ReminderMessage m) {
        Map<String, String> data = new LinkedHashMap<>();
        boolean one = m.doses().size() == 1;
        data.put("thing1", SubscribeMessageSender.thing(m.doses().stream().map(ReminderMessage.Line::medication)
                .collect(Collectors.joining("、"))));
        data.put("thing2", SubscribeMessageSender.thing(one ? m.doses().get(0).dose() : "共" + m.doses().size() + "种药"));
        data.put("time3", TIME.format(m.dueAt().atZone(m.zone())));
        String note = one ? m.doses().get(0).instructions() : null;
        data.put("thing4", SubscribeMessageSender.thing(note == null ? "服药后请在小程序里打卡" : note));
        SubscribeMessageSender.Result r = sender.post(openid, template, "pages/reminders/today?push=" + m.pushId(), data);
        sender.settle(m.patientId(), template, r);
        return new Delivery(switch (r.status()) {
            case SENT -> Outcome.SENT;
            case RETRY -> Outcome.RETRY;
            case REFUSED -> Outcome.REFUSED;
            case FAILED -> Outcome.FAILED;
            case UNCERTAIN -> Outcome.UNCERTAIN;
        }, r.errorCode(), r.error());
    }
}
