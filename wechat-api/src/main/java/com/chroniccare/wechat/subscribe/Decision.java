package com.chroniccare.wechat.subscribe;

/** A user's answer for a template, as wx.requestSubscribeMessage and the callback events report it. */
public enum Decision {
    ACCEPT,
    REJECT,
    /** Turned off for good ("ban", or switched off in the mini-program's settings): nothing can be sent. */
    BAN;

    /** WeChat's strings: accept, reject, ban, filter (the template was filtered out; nothing was granted). */
    public static Decision of(String wechat) {
        return switch (wechat == null ? "" : wechat.toLowerCase(java.util.Locale.ROOT)) {
            case "accept" -> ACCEPT;
            case "ban" -> BAN;
            case "reject", "filter" -> REJECT;
            default -> throw new IllegalArgumentException(wechat);
        };
    }
}
