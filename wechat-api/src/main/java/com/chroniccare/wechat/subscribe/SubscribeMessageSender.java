package com.chroniccare.wechat.subscribe;

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

/**
 * The one component that sends WeChat subscribe messages, for alerts and (later) reminders and groups, so per-user
 * authorisation accounting has a single place to live. Maps WeChat's answers to sent / retry later / give up.
 */
@Component
public class SubscribeMessageSender {

    /** 45009 frequency limit, -1 system busy: worth another try later. */
    private static final Set<Integer> RETRYABLE = Set.of(45009, -1);

    private final WxMaService wechat;
    private final AccountsApi accounts;
    private final WeChatProperties properties;

    SubscribeMessageSender(WxMaService wechat, AccountsApi accounts, WeChatProperties properties) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.properties = properties;
    }

    public record Result(boolean sent, boolean retryable, Integer errorCode, String error) {
    }

    public Result send(long userId, String templateId, String page, Map<String, String> data) {
        Optional<String> openid = accounts.wechatOpenid(userId);
        if (openid.isEmpty()) {
            return new Result(false, false, null, "user has no WeChat bound");
        }
        // Built with setters: WxMaSubscribeMessage.builder() drops miniprogramState and lang (notes/wxjava.md).
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openid.get());
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setMiniprogramState(properties.miniprogramState());
        message.setLang("zh_CN");
        message.setData(data.entrySet().stream()
                .map(e -> new WxMaSubscribeMessage.MsgData(e.getKey(), e.getValue())).toList());
        try {
            wechat.getSubscribeService().sendSubscribeMsg(message);
            return new Result(true, false, null, null);
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            return new Result(false, RETRYABLE.contains(code), code, e.getError().getErrorMsg());
        } catch (WxRuntimeException e) {
            return new Result(false, true, null, "WeChat unreachable: " + e.getMessage());
        }
    }

    /** The data value limits of subscribe-message fields: thing <= 20 characters. */
    public static String thing(String value) {
        return value == null ? "" : value.length() <= 20 ? value : value.substring(0, 19) + "…";
    }

}
