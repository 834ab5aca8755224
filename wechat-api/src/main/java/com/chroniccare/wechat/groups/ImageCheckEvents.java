package com.chroniccare.wechat.groups;

import java.util.Locale;

import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import com.chroniccare.groups.ContentCheck;
import com.chroniccare.groups.GroupsApi;
import org.springframework.stereotype.Component;

/** The callback's wxa_media_check events: WeChat's verdicts on posted images. */
@Component
public class ImageCheckEvents {

    private final GroupsApi groups;

    ImageCheckEvents(GroupsApi groups) {
        this.groups = groups;
    }

    public void on(String event, WxMaMessage message) {
        if (!"wxa_media_check".equals(event) || message.getTraceId() == null) {
            return;
        }
        String suggest = message.getResult() == null || message.getResult().getSuggest() == null ? ""
                : message.getResult().getSuggest().toLowerCase(Locale.ROOT);
        ContentCheck.Suggestion suggestion = switch (suggest) {
            case "pass" -> ContentCheck.Suggestion.PASS;
            case "risky" -> ContentCheck.Suggestion.RISKY;
            case "review" -> ContentCheck.Suggestion.REVIEW;
            default -> ContentCheck.Suggestion.UNAVAILABLE;
        };
        groups.imageChecked(message.getTraceId(), suggestion,
                message.getResult() == null ? null : String.valueOf(message.getResult().getLabel()));
    }
}
