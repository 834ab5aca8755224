package com.chroniccare.wechat.subscribe;

import java.net.SocketTimeoutException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.wechat.config.WeChatProperties;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one component that sends WeChat subscribe messages (alerts, reminders, group notices), keeping the
 * {@link SubscriptionLedger} right: an authorisation is taken before each send and given back when WeChat did not
 * use it. Maps WeChat's answers to what the caller should do next.
 */
@Component
public class SubscribeMessageSender {

    /** 45009 frequency limit, -1 system busy: worth another try later. */
    private static final Set<Integer> RETRYABLE = Set.of(45009, -1);
    /** The user refused, or has no authorisation left. */
    static final int REFUSED = 43101;

    private final WxMaService wechat;
    private final AccountsApi accounts;
    private final SubscriptionLedger ledger;
    private final WeChatProperties properties;

    SubscribeMessageSender(WxMaService wechat, AccountsApi accounts, SubscriptionLedger ledger,
                           WeChatProperties properties) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.ledger = ledger;
        this.properties = properties;
    }

    public enum Status {
        SENT,
        /** Not delivered; another try later may work. */
        RETRY,
        /** No authorisation (ours or WeChat's 43101): the user has to subscribe again. */
        REFUSED,
        /** Not delivered; retrying would not help (no WeChat bound, bad template or data). */
        FAILED,
        /** WeChat did not answer in time: it may have the message. */
        UNCERTAIN
    }

    public record Result(Status status, Integer errorCode, String error) {

        public boolean sent() {
            return status == Status.SENT;
        }
    }

    /** Sends one message to a user, within their authorisations. */
    public Result send(long userId, String templateId, String page, Map<String, String> data) {
        Optional<String> openid = accounts.wechatOpenid(userId);
        if (openid.isEmpty()) {
            return new Result(Status.FAILED, null, "user has no WeChat bound");
        }
        if (!ledger.reserveOne(userId, templateId)) {
            return new Result(Status.REFUSED, null, "no subscription authorisation left");
        }
        Result r = post(openid.get(), templateId, page, data);
        settle(userId, templateId, r);
        return r;
    }

    /**
     * For sending to many: takes one authorisation from each user who has one and a bound WeChat, in the caller's
     * transaction, and answers their openids. Follow each with {@link #post} and {@link #settle}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, String> reserve(String templateId, Collection<Long> userIds) {
        Map<Long, String> openids = accounts.wechatOpenids(userIds);
        Map<Long, String> granted = new HashMap<>();
        if (!openids.isEmpty()) {
            ledger.reserve(templateId, openids.keySet()).forEach(u -> granted.put(u, openids.get(u)));
        }
        return granted;
    }

    /** Gives back an authorisation WeChat did not use, or zeroes the balance when WeChat refused. */
    public void settle(long userId, String templateId, Result r) {
        if (r.errorCode() != null && r.errorCode() == REFUSED) {
            ledger.revoke(userId, templateId);
        } else if (r.status() == Status.RETRY || r.status() == Status.FAILED) {
            ledger.refund(userId, templateId);
        }
    }

    /** One call to WeChat, no bookkeeping. */
    public Result post(String openid, String templateId, String page, Map<String, String> data) {
        // Built with setters: WxMaSubscribeMessage.builder() drops miniprogramState and lang (notes/wxjava.md).
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openid);
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setMiniprogramState(properties.miniprogramState());
        message.setLang("zh_CN");
        message.setData(data.entrySet().stream()
                .map(e -> new WxMaSubscribeMessage.MsgData(e.getKey(), e.getValue())).toList());
        try {
            wechat.getSubscribeService().sendSubscribeMsg(message);
            return new Result(Status.SENT, null, null);
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            Status status = code == REFUSED ? Status.REFUSED : RETRYABLE.contains(code) ? Status.RETRY : Status.FAILED;
            return new Result(status, code, e.getError().getErrorMsg());
        } catch (WxRuntimeException e) {
            // A read timeout leaves the message in doubt; a refused or failed connection never reached WeChat.
            Status status = causedBy(e, SocketTimeoutException.class) ? Status.UNCERTAIN : Status.RETRY;
            return new Result(status, null, "WeChat unreachable: " + e.getMessage());
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The data value limits of subscribe-message fields: thing <= 20 characters. */
    public static String thing(String value) {
        return value == null ? "" : value.length() <= 20 ? value : value.substring(0, 19) + "…";
    }
}
