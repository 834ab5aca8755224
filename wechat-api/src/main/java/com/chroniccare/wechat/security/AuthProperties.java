package com.chroniccare.wechat.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care.auth.*}.
 *
 * @param loginsPerMinute  login attempts allowed per client (IP) per minute
 * @param failuresPer10Min failed logins allowed per client per 10 minutes; other clients are unaffected
 */
@Validated
@ConfigurationProperties("care.auth")
public record AuthProperties(@NotNull @DefaultValue("30d") Duration patientTokenTtl,
                             @NotNull @DefaultValue("12h") Duration staffTokenTtl,
                             @Min(1) @DefaultValue("30") int loginsPerMinute,
                             @Min(1) @DefaultValue("10") int failuresPer10Min,
                             @Min(1024) @DefaultValue("2097152") long maxBodyBytes) {
}
