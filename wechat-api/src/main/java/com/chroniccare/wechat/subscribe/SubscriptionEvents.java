package com.chroniccare.wechat.subscribe;

import java.time.Instant;

import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.wechat.config.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The callback's subscription events, posted to the ledger. */
@Component
public class SubscriptionEvents {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEvents.class);

    private final SubscriptionLedger ledger;
    private final AccountsApi accounts;
    private final WeChatProperties.Templates templates;

    SubscriptionEvents(SubscriptionLedger ledger, AccountsApi accounts, WeChatProperties properties) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.templates = properties.templates();
    }

    /** Handles subscribe_msg_popup_event and subscribe_msg_change_event; ignores everything else. */
    public void on(String event, WxMaMessage message) {
        if (!"subscribe_msg_popup_event".equals(event) && !"subscribe_msg_change_event".equals(event)) {
            return;
        }
        Long userId = accounts.userOfOpenid(message.getFromUser()).orElse(null);
        if (userId == null) {
            log.info("subscription event {} for an unknown openid, ignored", event);
            return;
        }
        Instant at = message.getCreateTime() == null ? Instant.now() : Instant.ofEpochSecond(message.getCreateTime());
        if (message.getSubscribeMsgPopupEvent() != null) {
            message.getSubscribeMsgPopupEvent().getList().forEach(e -> ledger.record(userId, e.getTemplateId(),
                    Decision.of(e.getSubscribeStatusString()), Source.CALLBACK, at));
        }
        if (message.getSubscribeMsgChangeEvent() != null) {
            // A change in the mini-program's settings: switching off stops everything; switching on grants no
            // one-time message by itself, only re-enables a long-term template.
            message.getSubscribeMsgChangeEvent().getList().forEach(e -> {
                Decision d = Decision.of(e.getSubscribeStatusString());
                if (d != Decision.ACCEPT) {
                    ledger.record(userId, e.getTemplateId(), Decision.BAN, Source.CALLBACK, at);
                } else if (templates.isLongTerm(e.getTemplateId())) {
                    ledger.record(userId, e.getTemplateId(), Decision.ACCEPT, Source.CALLBACK, at);
                }
            });
        }
    }
}
