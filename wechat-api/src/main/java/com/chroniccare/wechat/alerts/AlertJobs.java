package com.chroniccare.wechat.alerts;

import java.time.Duration;

import com.chroniccare.alerting.AlertingApi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

import static com.chroniccare.wechat.config.Ticks.every;

/**
 * A few cluster-wide ticks in Quartz's clustered JDBC store: each runs on one instance at a time, and the timers
 * themselves live in alert rows, so a restart or a dead instance loses nothing. Misfires fire once, not in a burst.
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs {

    @DisallowConcurrentExecution
    static class Timers implements Job {
        private final AlertingApi alerting;

        Timers(AlertingApi alerting) {
            this.alerting = alerting;
        }

        @Override
        public void execute(JobExecutionContext context) {
            alerting.runTimers();
        }
    }

    @DisallowConcurrentExecution
    static class MissedMeasurements implements Job {
        private final AlertingApi alerting;

        MissedMeasurements(AlertingApi alerting) {
            this.alerting = alerting;
        }

        @Override
        public void execute(JobExecutionContext context) {
            alerting.checkMissedMeasurements();
        }
    }

    @DisallowConcurrentExecution
    static class MorningDigest implements Job {
        private final AlertingApi alerting;

        MorningDigest(AlertingApi alerting) {
            this.alerting = alerting;
        }

        @Override
        public void execute(JobExecutionContext context) {
            alerting.sendMorningDigests();
        }
    }

    /**
     * Events whose listener failed (a deadlock victim, WeChat down mid-evaluation) are redelivered, not only after
     * a restart: at-least-once delivery of ReadingsRecorded is what makes every reading evaluated. Completed
     * publications are kept a week for diagnosis, then deleted so the log stays small.
     */
    @DisallowConcurrentExecution
    static class ResubmitEvents implements Job {
        private final IncompleteEventPublications incomplete;
        private final CompletedEventPublications completed;

        ResubmitEvents(IncompleteEventPublications incomplete, CompletedEventPublications completed) {
            this.incomplete = incomplete;
            this.completed = completed;
        }

        @Override
        public void execute(JobExecutionContext context) {
            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
            completed.deletePublicationsOlderThan(Duration.ofDays(7));
        }
    }

    @Bean
    JobDetail resubmitEventsJob() {
        return JobBuilder.newJob(ResubmitEvents.class).withIdentity("resubmit-events").storeDurably().build();
    }

    @Bean
    Trigger resubmitEventsTrigger(JobDetail resubmitEventsJob) {
        return every(resubmitEventsJob, Duration.ofMinutes(1));
    }

    @Bean
    JobDetail alertTimersJob() {
        return JobBuilder.newJob(Timers.class).withIdentity("alert-timers").storeDurably().build();
    }

    @Bean
    Trigger alertTimersTrigger(JobDetail alertTimersJob, @Value("${care.alerting.tick:10s}") Duration tick) {
        return every(alertTimersJob, tick);
    }

    @Bean
    JobDetail missedMeasurementsJob() {
        return JobBuilder.newJob(MissedMeasurements.class).withIdentity("missed-measurements").storeDurably().build();
    }

    @Bean
    Trigger missedMeasurementsTrigger(JobDetail missedMeasurementsJob) {
        return every(missedMeasurementsJob, Duration.ofMinutes(15));
    }

    @Bean
    JobDetail morningDigestJob() {
        return JobBuilder.newJob(MorningDigest.class).withIdentity("morning-digest").storeDurably().build();
    }

    @Bean
    Trigger morningDigestTrigger(JobDetail morningDigestJob) {
        return every(morningDigestJob, Duration.ofMinutes(5));
    }
}
