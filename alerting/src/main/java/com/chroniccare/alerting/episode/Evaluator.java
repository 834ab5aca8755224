package com.chroniccare.alerting.episode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.AlertMessage;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.ReadingAssessment;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.Thresholds;
import com.chroniccare.alerting.config.AlertingProperties;
import com.chroniccare.alerting.rules.Finding;
import com.chroniccare.alerting.rules.RuleEngine;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingQuery;
import com.chroniccare.core.ReadingsApi;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates one reading: applies the rules, opens, confirms, upgrades or auto-resolves the patient's episodes, and
 * pages after commit. Idempotent per reading (ReadingRecorded arrives at least once, and the HTTP request also asks
 * for the result); one patient's readings are evaluated one at a time.
 */
@Component
class Evaluator {

    private static final int HISTORY_LIMIT = 100;
    private static final int RECENT = 10_000;
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final ReadingsApi readings;
    private final AlertMapper alerts;
    private final EvaluationMapper evaluations;
    private final PatientStateMapper patients;
    private final Settings settings;
    private final Lifecycle lifecycle;
    private final Pager pager;
    private final AlertingProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** Recently evaluated (or being evaluated) readings of this instance, least recently used evicted. */
    private final Map<Long, CompletableFuture<ReadingAssessment>> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<ReadingAssessment>> eldest) {
            return size() > RECENT;
        }
    };

    Evaluator(ReadingsApi readings, AlertMapper alerts, EvaluationMapper evaluations, PatientStateMapper patients,
              Settings settings, Lifecycle lifecycle, Pager pager, AlertingProperties properties, Clock clock,
              PlatformTransactionManager transactions) {
        this.readings = readings;
        this.alerts = alerts;
        this.evaluations = evaluations;
        this.patients = patients;
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.pager = pager;
        this.properties = properties;
        this.clock = clock;
        // Runs at read committed (the pool's isolation): reads after the patient lock see what a concurrent
        // evaluation committed, and locking takes no gap locks.
        this.tx = new TransactionTemplate(transactions);
    }

    private record Outcome(ReadingAssessment assessment, List<AlertDO> toPage) {
    }

    /**
     * Each reading reaches here twice in the instance that stored it: from the HTTP request (for the advice it
     * returns, all readings of a batch in one transaction) and from the event listener. Whichever comes second
     * waits for and reuses the first one's result instead of repeating the database work, or evaluates itself if
     * that failed; after a restart the evaluation rows keep it idempotent. Readings are of one patient.
     */
    List<ReadingAssessment> evaluate(List<Reading> readings) {
        Map<Long, CompletableFuture<ReadingAssessment>> results = new LinkedHashMap<>();
        List<Reading> mine = new ArrayList<>();
        Map<Long, CompletableFuture<ReadingAssessment>> claimed = new HashMap<>();
        synchronized (recent) {
            for (Reading r : readings) {
                CompletableFuture<ReadingAssessment> fresh = new CompletableFuture<>();
                CompletableFuture<ReadingAssessment> first = recent.putIfAbsent(r.id(), fresh);
                results.put(r.id(), first == null ? fresh : first);
                if (first == null) {
                    mine.add(r);
                    claimed.put(r.id(), fresh);
                }
            }
        }
        if (!mine.isEmpty()) {
            try {
                settings.create(mine.get(0).patientId());
                List<Outcome> outcomes = withDeadlockRetry(() -> tx.execute(status ->
                        mine.stream().map(this::evaluateLocked).toList()));
                for (int i = 0; i < mine.size(); i++) {
                    outcomes.get(i).toPage().forEach(alert -> pager.page(alert, AlertMessage.Kind.ALERT));
                    claimed.get(mine.get(i).id()).complete(outcomes.get(i).assessment());
                }
            } catch (RuntimeException e) {
                claimed.values().forEach(f -> f.completeExceptionally(e));
                throw e;
            }
        }
        List<ReadingAssessment> assessments = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            try {
                assessments.add(results.get(r.id()).join());
            } catch (CompletionException failed) {
                synchronized (recent) {
                    recent.remove(r.id(), results.get(r.id()));
                }
                assessments.add(evaluate(List.of(r)).get(0));
            }
        }
        return assessments;
    }

    /** InnoDB may pick an evaluation as a deadlock victim under concurrent load; the whole transaction is redone. */
    private static <T> T withDeadlockRetry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException victim) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw victim;
                }
            }
        }
    }

    private Outcome evaluateLocked(Reading r) {
        PatientStateDO state = settings.lock(r.patientId());
        EvaluationDO done = evaluations.selectById(r.id());
        if (done != null) {
            return new Outcome(assessment(r.id(), done.advice), List.of());
        }
        Instant now = clock.instant();
        Thresholds t = settings.thresholdsOf(state);
        Map<AlertFamily, AlertDO> open = alerts.unresolved(r.patientId()).stream()
                .collect(Collectors.toMap(a -> a.family, Function.identity(), (a, b) -> a, HashMap::new));
        List<Reading> earlier = RuleEngine.needsHistory(r, t, open.keySet())
                ? readings.list(r.patientId(), new ReadingQuery(r.type(), r.measuredAt().minus(Duration.ofDays(7)),
                        r.measuredAt(), null, HISTORY_LIMIT)).items()
                : List.of();
        List<Finding> findings = RuleEngine.evaluate(r, t, earlier);
        Map<AlertFamily, Finding> byFamily = findings.stream().filter(f -> f.severity() != Severity.P4)
                .collect(Collectors.toMap(Finding::family, Function.identity(),
                        (a, b) -> a.severity().outranks(b.severity()) ? a : b, HashMap::new));
        List<AlertDO> toPage = new ArrayList<>();

        if (!r.lateBackfill()) {
            // A held alert is not confirmed by an in-range repeat, even if the session mean still looks high.
            Set<AlertFamily> cleared = RuleEngine.clears(r, t, earlier);
            for (AlertDO a : List.copyOf(open.values())) {
                boolean pending = a.status == AlertStatus.PENDING;
                if (cleared.contains(a.family) && (pending || !byFamily.containsKey(a.family))) {
                    lifecycle.resolve(a, null, pending ? "NOT_CONFIRMED" : "AUTO", "reading " + r.id() + " back in range");
                    lifecycle.save(a);
                    open.remove(a.family);
                    byFamily.remove(a.family);
                }
            }
        }
        for (Finding f : byFamily.values()) {
            AlertDO alert = open.get(f.family());
            boolean page;
            if (alert == null) {
                alert = raise(r, f, now);
                page = alert.status == AlertStatus.OPEN && !alert.review && alert.severity.pages();
            } else {
                page = attach(alert, r, f, now);
            }
            alerts.attach(alert.id, r.id());
            if (page) {
                toPage.add(alert);
            }
        }
        patients.measured(r.patientId(), r.measuredAt());
        Advice advice = findings.stream().map(Finding::advice).min(Comparator.naturalOrder()).orElse(null);
        EvaluationDO row = new EvaluationDO();
        row.readingId = r.id();
        row.patientId = r.patientId();
        row.advice = advice;
        row.evaluatedAt = now;
        evaluations.insert(row);
        return new Outcome(assessment(r.id(), advice), toPage);
    }

    /** Opens a new episode: held for a repeat, for review (late back-fill), or open. */
    private AlertDO raise(Reading r, Finding f, Instant now) {
        AlertDO a = new AlertDO();
        a.patientId = r.patientId();
        a.family = f.family();
        a.parameter = f.family().parameter();
        a.rule = f.rule();
        a.severity = f.severity();
        a.review = r.lateBackfill();
        a.status = f.hold() && !a.review ? AlertStatus.PENDING : AlertStatus.OPEN;
        a.openKey = AlertDO.openKey(r.patientId(), f.family());
        a.openedAt = now;
        a.tier = 1;
        a.readingCount = 1;
        if (a.status == AlertStatus.PENDING) {
            a.confirmUntil = now.plus(properties.hold());
        } else {
            lifecycle.arm(a, now);
        }
        lifecycle.insert(a);
        return a;
    }

    /**
     * A further reading of an unresolved episode: it confirms a held alert (at the repeat's severity), makes a
     * review episode live, or worsens it; otherwise it is only attached. True if that should page now.
     */
    private boolean attach(AlertDO a, Reading r, Finding f, Instant now) {
        a.readingCount++;
        boolean page = false;
        if (!r.lateBackfill()) {
            boolean worse = f.severity().outranks(a.severity);
            if (a.status == AlertStatus.PENDING || worse || a.review) {
                if (a.status == AlertStatus.PENDING || worse) {
                    a.severity = f.severity();
                    a.rule = f.rule();
                }
                a.status = AlertStatus.OPEN;
                a.review = false;
                a.confirmUntil = null;
                a.snoozedUntil = null;
                lifecycle.arm(a, now);
                page = a.severity.pages();
            }
        }
        lifecycle.save(a);
        return page;
    }

    private ReadingAssessment assessment(long readingId, Advice advice) {
        return new ReadingAssessment(readingId, alerts.raisedBy(readingId).stream()
                .map(a -> new ReadingAssessment.Raised(a.id, a.severity, a.rule)).toList(), advice);
    }
}
