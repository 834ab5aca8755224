package com.chroniccare.wechat.config;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Quartz triggers for the cluster-wide ticks. A misfire (every instance was down) fires once, not in a burst. */
public final class Ticks {

    private Ticks() {
    }

    public static Trigger every(JobDetail job, Duration period) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(period.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
