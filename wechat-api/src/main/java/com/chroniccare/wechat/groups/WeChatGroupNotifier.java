package com.chroniccare.wechat.groups;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.chroniccare.groups.GroupNotifier;
import com.chroniccare.wechat.config.WeChatProperties;
import com.chroniccare.wechat.subscribe.SubscribeMessageSender;
import org.springframework.stereotype.Component;

/** Broadcast notices as WeChat subscribe messages, each within what the member allowed (the shared ledger). */
@Component
class WeChatGroupNotifier implements GroupNotifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final SubscribeMessageSender sender;
    private final String template;
    private final Clock clock;

    WeChatGroupNotifier(SubscribeMessageSender sender, WeChatProperties properties, Clock clock) {
        this.sender = sender;
        this.template = properties.templates().group();
        this.clock = clock;
    }

    @Override
    public int notifyMembers(String groupName, String title, Collection<Long> userIds) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", SubscribeMessageSender.thing(groupName));
        data.put("thing2", SubscribeMessageSender.thing(title));
        data.put("time3", TIME.format(clock.instant()));
        int sent = 0;
        for (long userId : userIds) {
            if (sender.send(userId, template, "pages/groups/feed", data).sent()) {
                sent++;
            }
        }
        return sent;
    }
}
