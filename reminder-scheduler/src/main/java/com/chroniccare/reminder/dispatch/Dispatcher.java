package com.chroniccare.reminder.dispatch;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.chroniccare.reminder.ReminderChannel;
import com.chroniccare.reminder.ReminderChannel.Delivery;
import com.chroniccare.reminder.ReminderMessage;
import com.chroniccare.reminder.config.ReminderProperties;
import com.chroniccare.reminder.dose.DoseDO;
import com.chroniccare.reminder.dose.DoseMapper;
import com.chroniccare.reminder.dose.SettingsDO;
import com.chroniccare.reminder.dose.SettingsMapper;
import com.chroniccare.reminder.plan.ScheduleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due reminders. Claims a batch with {@code FOR UPDATE SKIP LOCKED} (one commit), then works through it in
 * waves: one transaction per wave classifies the pushes, takes authorisations and marks the ones to send SENDING,
 * which is the guard against resending; the sends run concurrently outside any transaction; one more transaction
 * records the outcomes. A dispatcher that dies leaves CLAIMED rows (safe to resend) or SENDING rows (maybe
 * delivered, never resent) for the sweep.
 */
@Component
public class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** One dispatch run hands the Quartz thread back after this long; the next tick continues. */
    private static final Duration MAX_RUN = Duration.ofSeconds(50);

    private final PushMapper pushes;
    private final DoseMapper doses;
    private final SettingsMapper settings;
    private final ReminderChannel channel;
    private final ReminderProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService senders;
    private final String owner;
    private final AtomicBoolean running = new AtomicBoolean();

    Dispatcher(PushMapper pushes, DoseMapper doses, SettingsMapper settings, ReminderChannel channel,
               ReminderProperties properties, TransactionTemplate tx, Clock clock) {
        this.pushes = pushes;
        this.doses = doses;
        this.settings = settings;
        this.channel = channel;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "reminder-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends until nothing is due; one run per instance at a time, any number of instances side by side. */
    public int dispatch() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int handled = 0;
            long deadline = System.nanoTime() + MAX_RUN.toNanos();
            while (System.nanoTime() < deadline) {
                List<Long> claimed = tx.execute(s -> claim());
                if (claimed.isEmpty()) {
                    break;
                }
                int wave = properties.concurrency() * 4;
                for (int i = 0; i < claimed.size(); i += wave) {
                    handled += sendWave(claimed.subList(i, Math.min(claimed.size(), i + wave)));
                }
            }
            return handled;
        } finally {
            running.set(false);
        }
    }

    /** Expired leases: unsent claims go back to the queue, sends in doubt are closed as uncertain. */
    public int sweep() {
        // Candidates first, then updates by primary key: scanning the status index while dispatchers update the
        // same rows by key deadlocked.
        Instant now = clock.instant();
        List<Long> claimed = pushes.expired(PushStatus.CLAIMED, now);
        List<Long> sending = pushes.expired(PushStatus.SENDING, now);
        int requeued = claimed.isEmpty() ? 0 : pushes.requeueExpired(claimed, now);
        int abandoned = sending.isEmpty() ? 0 : pushes.abandonExpired(sending, now);
        if (requeued + abandoned > 0) {
            log.warn("reminder sweep: {} claimed reminders requeued, {} in-flight sends marked uncertain", requeued, abandoned);
        }
        return requeued + abandoned;
    }

    private List<Long> claim() {
        Instant now = clock.instant();
        List<Long> ids = pushes.due(now, properties.batchSize()).stream().map(p -> p.id).toList();
        if (!ids.isEmpty()) {
            pushes.claim(ids, owner, now.plus(properties.lease()));
        }
        return ids;
    }

    private record Outgoing(PushDO push, String address, ReminderMessage message, List<Long> doseIds) {
    }

    private int sendWave(List<Long> ids) {
        List<Outgoing> outgoing = tx.execute(s -> prepare(ids));
        List<Future<Delivery>> results = new ArrayList<>(outgoing.size());
        for (Outgoing o : outgoing) {
            results.add(senders.submit(() -> channel.send(o.address(), o.message())));
        }
        List<Delivery> deliveries = new ArrayList<>(outgoing.size());
        for (Future<Delivery> f : results) {
            deliveries.add(outcome(f));
        }
        tx.executeWithoutResult(s -> record(outgoing, deliveries));
        return ids.size();
    }

    /** In one transaction: what to do with each push, and SENDING for those about to go out. */
    private List<Outgoing> prepare(List<Long> ids) {
        List<PushDO> mine = pushes.lockOwned(ids, owner);
        if (mine.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<Long> patients = new HashSet<>();
        Set<Instant> dueAts = new HashSet<>();
        mine.forEach(p -> {
            patients.add(p.patientId);
            dueAts.add(p.dueAt);
        });
        Map<String, List<DoseDO>> dosesByPush = new HashMap<>();
        for (DoseDO d : doses.forPushes(patients, dueAts)) {
            Instant at = d.snoozedUntil != null && d.status == com.chroniccare.reminder.DoseStatus.SNOOZED
                    ? d.snoozedUntil : d.dueAt;
            dosesByPush.computeIfAbsent(key(d.patientId, at), k -> new ArrayList<>()).add(d);
        }
        Map<Long, SettingsDO> quiet = new HashMap<>();
        settings.withQuietHours(patients).forEach(s -> quiet.put(s.patientId, s));

        Map<PushStatus, List<Long>> settled = new LinkedHashMap<>();
        List<PushDO> candidates = new ArrayList<>();
        Set<Long> patientsInWave = new HashSet<>();
        for (PushDO p : mine) {
            List<DoseDO> ds = dosesByPush.get(key(p.patientId, p.dueAt));
            PushStatus status;
            if (!patientsInWave.add(p.patientId)) {
                status = PushStatus.PENDING; // one authorisation per patient per wave; the next wave takes it
            } else if (ds == null) {
                status = PushStatus.CANCELLED;
            } else if (now.isAfter(p.dueAt.plus(properties.lateAfter()))) {
                status = PushStatus.LATE;
            } else if (inQuietHours(p, quiet.get(p.patientId))) {
                status = PushStatus.QUIET;
            } else {
                candidates.add(p);
                continue;
            }
            settled.computeIfAbsent(status, k -> new ArrayList<>()).add(p.id);
        }
        Map<Long, String> addresses = candidates.isEmpty() ? Map.of()
                : channel.reserve(candidates.stream().map(p -> p.patientId).toList());
        List<Outgoing> outgoing = new ArrayList<>();
        for (PushDO p : candidates) {
            String address = addresses.get(p.patientId);
            if (address == null) {
                settled.computeIfAbsent(PushStatus.NO_AUTH, k -> new ArrayList<>()).add(p.id);
            } else {
                List<DoseDO> ds = dosesByPush.get(key(p.patientId, p.dueAt));
                outgoing.add(new Outgoing(p, address, message(p, ds), ds.stream().map(d -> d.id).toList()));
            }
        }
        settled.forEach((status, pushIds) -> pushes.settle(pushIds, status, null, null, null, null));
        if (!outgoing.isEmpty()) {
            pushes.sending(outgoing.stream().map(o -> o.push().id).toList());
        }
        return outgoing;
    }

    private void record(List<Outgoing> outgoing, List<Delivery> deliveries) {
        Instant now = clock.instant();
        List<Long> sent = new ArrayList<>();
        List<Long> sentDoses = new ArrayList<>();
        for (int i = 0; i < outgoing.size(); i++) {
            Outgoing o = outgoing.get(i);
            Delivery d = deliveries.get(i);
            switch (d.outcome()) {
                case SENT -> {
                    sent.add(o.push().id);
                    sentDoses.addAll(o.doseIds());
                }
                case RETRY -> {
                    int attempts = o.push().attempts;
                    if (attempts >= properties.maxAttempts()) {
                        settle(o, PushStatus.FAILED, null, d);
                    } else {
                        Instant next = now.plus(properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
                        settle(o, PushStatus.PENDING, next, d);
                    }
                }
                case REFUSED -> settle(o, PushStatus.NO_AUTH, null, d);
                case FAILED -> settle(o, PushStatus.FAILED, null, d);
                case UNCERTAIN -> settle(o, PushStatus.UNCERTAIN, null, d);
            }
        }
        if (!sent.isEmpty()) {
            pushes.settle(sent, PushStatus.SENT, null, now, null, null);
            doses.markSent(sentDoses, now);
        }
    }

    private void settle(Outgoing o, PushStatus status, Instant next, Delivery d) {
        String error = d.error() == null || d.error().length() <= 255 ? d.error() : d.error().substring(0, 255);
        pushes.settle(List.of(o.push().id), status, next, null, d.errorCode(), error);
    }

    private static Delivery outcome(Future<Delivery> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // The channel maps WeChat's answers itself; anything escaping it left the send in doubt.
            log.error("reminder send failed unexpectedly", e.getCause());
            return new Delivery(ReminderChannel.Outcome.UNCERTAIN, null, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(ReminderChannel.Outcome.UNCERTAIN, null, "interrupted");
        }
    }

    private static ReminderMessage message(PushDO p, List<DoseDO> ds) {
        return new ReminderMessage(p.id, p.patientId, p.dueAt, ZoneId.of(p.timeZone), ds.stream()
                .map(d -> new ReminderMessage.Line(d.medication, d.doseText, d.instructions)).toList());
    }

    private static boolean inQuietHours(PushDO p, SettingsDO s) {
        if (s == null) {
            return false;
        }
        LocalTime local = p.dueAt.atZone(ZoneId.of(p.timeZone)).toLocalTime();
        return ScheduleRules.quiet(local, s.quietStart, s.quietEnd);
    }

    private static String key(long patientId, Instant at) {
        return patientId + "@" + at.toEpochMilli();
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
