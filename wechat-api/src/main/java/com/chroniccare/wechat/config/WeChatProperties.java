package com.chroniccare.wechat.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care.wechat.*}: the mini-program's credentials and where its API lives.
 *
 * @param apiHostUrl     WeChat API base URL; absent means the in-process sandbox
 * @param callbackToken  message-push token configured in the mini-program console
 * @param callbackAesKey message-push EncodingAESKey (43 characters)
 * @param miniprogramState which mini-program version a message opens: formal, trial or developer
 */
@Validated
@ConfigurationProperties("care.wechat")
public record WeChatProperties(@NotBlank String appId, @NotBlank String secret, String apiHostUrl,
                               @NotBlank String callbackToken, @NotBlank String callbackAesKey,
                               @NotNull @DefaultValue Sandbox sandbox, @NotNull @DefaultValue Retry retry,
                               @NotNull @DefaultValue Templates templates,
                               @NotBlank @DefaultValue("formal") String miniprogramState) {

    /** Subscribe-message template ids, as configured in the mini-program console. */
    public record Templates(@NotBlank @DefaultValue("sandbox-alert-template") String alert,
                            @NotBlank @DefaultValue("sandbox-nudge-template") String patientNudge) {
    }

    public record Sandbox(@DefaultValue("false") boolean enabled) {
    }

    /** WxJava retries only errcode -1 (system busy), sleeping {@code sleepMillis * 2^n}. */
    public record Retry(@Min(0) @DefaultValue("3") int maxTimes, @Min(0) @DefaultValue("500") int sleepMillis) {
    }
}
