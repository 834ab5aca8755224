package com.chroniccare.wechat.config;

import java.util.Set;

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
                               @NotNull @DefaultValue Http http,
                               @NotNull @DefaultValue Templates templates,
                               @NotBlank @DefaultValue("formal") String miniprogramState) {

    /**
     * Subscribe-message template ids, as configured in the mini-program console.
     *
     * @param longTerm templates approved as long-term subscriptions (medical category): not counted per message
     */
    public record Templates(@NotBlank @DefaultValue("sandbox-alert-template") String alert,
                            @NotBlank @DefaultValue("sandbox-nudge-template") String patientNudge,
                            @NotBlank @DefaultValue("sandbox-reminder-template") String reminder,
                            @NotBlank @DefaultValue("sandbox-group-template") String group,
                            @NotNull @DefaultValue Set<String> longTerm) {

        public boolean isLongTerm(String templateId) {
            return longTerm.contains(templateId);
        }
    }

    public record Sandbox(@DefaultValue("false") boolean enabled) {
    }

    /** @param maxConnections connections to WeChat's API; WxJava's default of 10 would cap reminder sends */
    public record Http(@Min(1) @DefaultValue("64") int maxConnections) {
    }

    /** WxJava retries only errcode -1 (system busy), sleeping {@code sleepMillis * 2^n}. */
    public record Retry(@Min(0) @DefaultValue("3") int maxTimes, @Min(0) @DefaultValue("500") int sleepMillis) {
    }
}
