package com.chroniccare.wechat.groups;

import java.util.Locale;
import java.util.Optional;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.groups.ContentCheck;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat's msgSecCheck v2 in the forum scene (notes/wxjava.md). When WeChat cannot answer, or the author has no
 * WeChat to check against, the verdict is UNAVAILABLE and the post waits for the doctor rather than going out
 * unchecked.
 */
@Component
class WeChatContentCheck implements ContentCheck {

    private static final Logger log = LoggerFactory.getLogger(WeChatContentCheck.class);
    private static final int SCENE_FORUM = 3;
    private static final int MEDIA_IMAGE = 2;

    private final WxMaService wechat;
    private final AccountsApi accounts;

    WeChatContentCheck(WxMaService wechat, AccountsApi accounts) {
        this.wechat = wechat;
        this.accounts = accounts;
    }

    @Override
    public Verdict check(long userId, String text) {
        Optional<String> openid = accounts.wechatOpenid(userId);
        if (openid.isEmpty()) {
            return new Verdict(Suggestion.UNAVAILABLE, "no WeChat bound");
        }
        try {
            WxMaMsgSecCheckCheckResponse response = wechat.getSecurityService().checkMessage(
                    WxMaMsgSecCheckCheckRequest.builder().version("2").openid(openid.get()).scene(SCENE_FORUM)
                            .content(text).build());
            WxMaMsgSecCheckCheckResponse.ResultBean result = response.getResult();
            String suggest = result == null || result.getSuggest() == null ? "" : result.getSuggest();
            String label = result == null ? null : result.getLabel();
            return switch (suggest.toLowerCase(Locale.ROOT)) {
                case "pass" -> new Verdict(Suggestion.PASS, label);
                case "review" -> new Verdict(Suggestion.REVIEW, label);
                case "risky" -> new Verdict(Suggestion.RISKY, label);
                default -> new Verdict(Suggestion.UNAVAILABLE, "unexpected answer: " + suggest);
            };
        } catch (WxErrorException | WxRuntimeException e) {
            log.warn("WeChat content check unavailable, holding the post for review: {}", e.getMessage());
            return new Verdict(Suggestion.UNAVAILABLE, e.getMessage());
        }
    }

    @Override
    public String checkImageLater(long userId, String mediaUrl) {
        Optional<String> openid = accounts.wechatOpenid(userId);
        if (openid.isEmpty()) {
            return null;
        }
        try {
            return wechat.getSecurityService().mediaCheckAsync(WxMaMediaSecCheckCheckRequest.builder()
                    .mediaUrl(mediaUrl).mediaType(MEDIA_IMAGE).version(2).openid(openid.get()).scene(SCENE_FORUM)
                    .build()).getTraceId();
        } catch (WxErrorException | WxRuntimeException e) {
            log.warn("WeChat image check unavailable, holding the post for review: {}", e.getMessage());
            return null;
        }
    }
}
