package com.chroniccare.alerting.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care.alerting.*}. Team policies start from these defaults and can be changed per care team.
 *
 * @param hold             how long a non-symptomatic BP crisis or very high glucose waits for a confirming repeat
 * @param deliveryAttempts attempts per notification before it is marked failed for good
 * @param deliveryBackoff  first retry delay; doubles per attempt
 * @param zone             the zone of the care teams' nights and morning digest
 */
@Validated
@ConfigurationProperties("care.alerting")
public record AlertingProperties(@NotNull @DefaultValue("10m") Duration hold,
                                 @Min(1) @DefaultValue("2") int p1RepeatMinutes,
                                 @Min(1) @DefaultValue("15") int p2RepeatMinutes,
                                 @Min(1) @DefaultValue("10") int ackTimeoutMinutes,
                                 @Min(1) @DefaultValue("30") int reackMinutes,
                                 @NotNull @DefaultValue("22:00") LocalTime nightStart,
                                 @NotNull @DefaultValue("07:00") LocalTime nightEnd,
                                 @Min(1) @DefaultValue("5") int deliveryAttempts,
                                 @NotNull @DefaultValue("30s") Duration deliveryBackoff,
                                 @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
