package com.chroniccare.core.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code care.*} settings of care-core. */
@Validated
@ConfigurationProperties("care")
public record CoreProperties(@NotNull @DefaultValue Consent consent, @NotNull @DefaultValue Readings readings,
                             @NotNull @DefaultValue Invites invites,
                             @NotNull Crypto crypto) {

    /** @param policyVersion the privacy policy version patients must have consented to */
    public record Consent(@NotBlank @DefaultValue("2026-11") String policyVersion) {
    }

    /**
     * @param lateAfter        a reading measured this long before it arrives is a late back-fill: reviewed, never paged
     * @param futureTolerance  how far in the future measuredAt may lie (phone clocks drift)
     * @param maxAge           older readings are refused as a likely clock or entry error
     */
    public record Readings(@NotNull @DefaultValue("15m") Duration lateAfter,
                           @NotNull @DefaultValue("5m") Duration futureTolerance,
                           @NotNull @DefaultValue("365d") Duration maxAge) {
    }

    public record Invites(@NotNull @DefaultValue("7d") Duration ttl) {
    }

    /** @param phoneKey base64 of a 256-bit AES key for phone numbers; never committed, supplied per deployment */
    public record Crypto(@NotBlank String phoneKey) {
    }
}
