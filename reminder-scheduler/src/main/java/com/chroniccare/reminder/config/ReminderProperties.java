package com.chroniccare.reminder.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care.reminders.*}.
 *
 * @param horizon          doses exist this far ahead; the generate tick extends them
 * @param lateAfter        a reminder this late is not sent any more; the dose still shows as due in the app
 * @param missedAfter      a dose not taken or skipped this long after it was due (or snoozed to) is missed
 * @param lease            how long a dispatcher owns claimed reminders before the sweep takes them back
 * @param batchSize        reminders claimed per transaction
 * @param concurrency      sends in flight per instance
 * @param maxAttempts      tries per reminder when WeChat asks to retry
 * @param retryBackoff     first retry delay, doubling per attempt
 * @param maxTimesPerDay   doses per plan per day
 * @param notifyCareTeamAfterMissed misses in a row of one medication that notify the care team; 0 never does
 */
@Validated
@ConfigurationProperties("care.reminders")
public record ReminderProperties(@NotNull @DefaultValue("48h") Duration horizon,
                                 @NotNull @DefaultValue("30m") Duration lateAfter,
                                 @NotNull @DefaultValue("2h") Duration missedAfter,
                                 @NotNull @DefaultValue("2m") Duration lease,
                                 @Min(1) @Max(5000) @DefaultValue("500") int batchSize,
                                 @Min(1) @Max(512) @DefaultValue("32") int concurrency,
                                 @Min(1) @DefaultValue("4") int maxAttempts,
                                 @NotNull @DefaultValue("15s") Duration retryBackoff,
                                 @Min(1) @Max(24) @DefaultValue("6") int maxTimesPerDay,
                                 @Min(0) @DefaultValue("3") int notifyCareTeamAfterMissed) {
}
