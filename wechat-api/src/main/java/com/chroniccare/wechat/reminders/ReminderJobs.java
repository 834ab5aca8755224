package com.chroniccare.wechat.reminders;

import java.time.Duration;

import com.chroniccare.reminder.ReminderTicks;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.chroniccare.wechat.config.Ticks.every;

/**
 * The reminder ticks (notes/scheduling-at-scale.md): Quartz drives these four jobs, never one trigger per reminder.
 * Dispatch may run on several instances at once (each firing lands on one of them, a run lasts until the queue is
 * empty, and SKIP LOCKED splits the work); the others run on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class ReminderJobs {

    @DisallowConcurrentExecution
    static class Generate implements Job {
        private final ReminderTicks ticks;

        Generate(ReminderTicks ticks) {
            this.ticks = ticks;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ticks.generate();
        }
    }

    static class Dispatch implements Job {
        private final ReminderTicks ticks;

        Dispatch(ReminderTicks ticks) {
            this.ticks = ticks;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ticks.dispatch();
        }
    }

    @DisallowConcurrentExecution
    static class Sweep implements Job {
        private final ReminderTicks ticks;

        Sweep(ReminderTicks ticks) {
            this.ticks = ticks;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ticks.sweep();
        }
    }

    @DisallowConcurrentExecution
    static class MarkMissed implements Job {
        private final ReminderTicks ticks;

        MarkMissed(ReminderTicks ticks) {
            this.ticks = ticks;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ticks.markMissed();
        }
    }

    @Bean
    JobDetail reminderGenerateJob() {
        return JobBuilder.newJob(Generate.class).withIdentity("reminder-generate").storeDurably().build();
    }

    @Bean
    Trigger reminderGenerateTrigger(JobDetail reminderGenerateJob) {
        return every(reminderGenerateJob, Duration.ofMinutes(10));
    }

    @Bean
    JobDetail reminderDispatchJob() {
        return JobBuilder.newJob(Dispatch.class).withIdentity("reminder-dispatch").storeDurably().build();
    }

    @Bean
    Trigger reminderDispatchTrigger(JobDetail reminderDispatchJob,
                                    @Value("${care.reminders.dispatch-tick:5s}") Duration tick) {
        return every(reminderDispatchJob, tick);
    }

    @Bean
    JobDetail reminderSweepJob() {
        return JobBuilder.newJob(Sweep.class).withIdentity("reminder-sweep").storeDurably().build();
    }

    @Bean
    Trigger reminderSweepTrigger(JobDetail reminderSweepJob, @Value("${care.reminders.sweep-tick:1m}") Duration tick) {
        return every(reminderSweepJob, tick);
    }

    @Bean
    JobDetail reminderMissedJob() {
        return JobBuilder.newJob(MarkMissed.class).withIdentity("reminder-missed").storeDurably().build();
    }

    @Bean
    Trigger reminderMissedTrigger(JobDetail reminderMissedJob) {
        return every(reminderMissedJob, Duration.ofMinutes(5));
    }
}
