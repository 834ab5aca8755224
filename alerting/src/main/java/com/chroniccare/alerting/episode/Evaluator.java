package com.chroniccare.alerting.episode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.ReadingsApi;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates a patient's readings (one, or a synced batch): applies the rules, opens, confirms, upgrades or
 * auto-resolves the patient's episodes, and pages after commit. Idempotent per reading (ReadingsRecorded arrives at
 * least once, and the HTTP request also asks for the result); one patient's readings are evaluated one at a time.
 */
@Component
class Evaluator {

    private static final int HISTORY_LIMIT = 100;
    private static final Duration HISTORY_DAYS = Duration.ofDays(7);
    /** Most readings a batch loads as shared history; beyond that each reading queries its own. */
    private static final int WINDOW_LIMIT = 2_000;
    private static final int RECENT = 10_000;
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final ReadingsApi readings;
    private final AlertMapper alerts;
    private final EvaluationMapper evaluations;
    private final EvaluationWrites writes;
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

    Evaluator(ReadingsApi readings, AlertMapper alerts, EvaluationMapper evaluations, EvaluationWrites writes,
              PatientStateMapper patients, Settings settings, Lifecycle lifecycle, Pager pager,
              AlertingProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.readings = readings;
        this.alerts = alerts;
        this.evaluations = evaluations;
        this.writes = writes;
        this.patients = patients;
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.pager = pager;
        this.properties = properties;
        this.clock = clock;
        // Runs at read committed (the pool's isolation): reads after the patient lock see what a concurrent
        // evaluation committed, and locking takes no gap locks. Always its own transaction, also when the caller
        // has one (the rewards listener): the patient's lock is held only until this evaluation commits, and
        // paging follows that commit. Joining the caller's transaction kept the lock while the caller waited for
        // another thread's evaluation of the same patient, which needed it: they deadlocked under load.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What evaluating a batch came to: an assessment per reading, in order, and the alerts to page after commit. */
    record Outcome(List<ReadingAssessment> assessments, Collection<AlertDO> toPage) {
    }

    /**
     * Each reading reaches here twice in the instance that stored it: from the HTTP request (for the advice it
     * returns) and from the event listener. Whichever comes second waits for and reuses the first one's result
     * instead of repeating the database work, or evaluates itself if that failed; after a restart the evaluation
     * rows keep it idempotent. The readings, of one patient or several, are evaluated together, in one transaction.
     */
    List<ReadingAssessment> evaluate(List<Reading> readings) {
        Outcome outcome = evaluateWithoutPaging(readings);
        page(outcome.toPage());
        return outcome.assessments();
    }

    /**
     * {@link #evaluate} without the paging: the alerts this call raised or made page are returned for the caller to
     * page. Waiting for another thread's evaluation of a reading waits for its commit, never for its paging.
     */
    Outcome evaluateWithoutPaging(List<Reading> readings) {
        Map<Long, CompletableFuture<ReadingAssessment>> results = new LinkedHashMap<>();
        List<Reading> mine = new ArrayList<>();
        List<CompletableFuture<ReadingAssessment>> claimed = new ArrayList<>();
        synchronized (recent) {
            for (Reading r : readings) {
                CompletableFuture<ReadingAssessment> fresh = new CompletableFuture<>();
                CompletableFuture<ReadingAssessment> first = recent.putIfAbsent(r.id(), fresh);
                results.put(r.id(), first == null ? fresh : first);
                if (first == null) {
                    mine.add(r);
                    claimed.add(fresh);
                }
            }
        }
        List<AlertDO> toPage = new ArrayList<>();
        if (!mine.isEmpty()) {
            try {
                Outcome outcome = evaluateInTransaction(mine);
                toPage.addAll(outcome.toPage());
                for (int i = 0; i < mine.size(); i++) {
                    claimed.get(i).complete(outcome.assessments().get(i));
                }
            } catch (RuntimeException e) {
                claimed.forEach(f -> f.completeExceptionally(e));
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
                Outcome again = evaluateWithoutPaging(List.of(r));
                assessments.add(again.assessments().get(0));
                toPage.addAll(again.toPage());
            }
        }
        return new Outcome(assessments, toPage);
    }

    void page(Collection<AlertDO> alerts) {
        alerts.forEach(alert -> pager.page(alert, AlertMessage.Kind.ALERT));
    }

    /**
     * Evaluates those of the readings, of one patient or several, that this instance has not (successfully)
     * evaluated yet, reading them first; one being evaluated right now is waited for. For the event listener, which
     * needs no result.
     */
    void ensureEvaluated(List<Long> readingIds) {
        List<Long> missing = new ArrayList<>();
        for (Long id : readingIds) {
            CompletableFuture<ReadingAssessment> known;
            synchronized (recent) {
                known = recent.get(id);
            }
            if (known == null || failed(known)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            evaluate(readings.recorded(missing));
        }
    }

    private static boolean failed(CompletableFuture<ReadingAssessment> evaluation) {
        try {
            evaluation.join();
            return false;
        } catch (CompletionException e) {
            return true;
        }
    }

    private Outcome evaluateInTransaction(List<Reading> batch) {
        Outcome outcome = withDeadlockRetry(() -> tx.execute(status -> evaluateLocked(batch)));
        if (outcome == null) {
            // A patient's first evaluation: the state row is created outside the transaction that locks it.
            settings.create(batch.stream().map(Reading::patientId).distinct().toList());
            outcome = withDeadlockRetry(() -> tx.execute(status -> evaluateLocked(batch)));
        }
        return outcome;
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

    /**
     * Evaluates a batch, of one patient or several, with the patients' states locked: reads the open episodes and
     * history once per patient and writes each changed episode, the links and the evaluation records at the end.
     * Null if a patient has no state row yet.
     */
    private Outcome evaluateLocked(List<Reading> batch) {
        Map<Long, List<Reading>> byPatient = batch.stream()
                .collect(Collectors.groupingBy(Reading::patientId, LinkedHashMap::new, Collectors.toList()));
        List<Long> patientIds = byPatient.keySet().stream().sorted().toList();
        Map<Long, PatientStateDO> states = settings.lock(patientIds);
        if (states.size() < patientIds.size()) {
            return null;
        }
        Map<Long, EvaluationDO> done = new HashMap<>();
        evaluations.in(batch.stream().map(Reading::id).toList()).forEach(e -> done.put(e.readingId, e));
        Map<Long, Map<AlertFamily, AlertDO>> open = new HashMap<>();
        alerts.unresolvedOf(patientIds).forEach(a -> open.computeIfAbsent(a.patientId, p -> new HashMap<>())
                .putIfAbsent(a.family, a));
        Map<Long, Batch> work = new HashMap<>();
        byPatient.forEach((patientId, readings) -> work.put(patientId, new Batch(
                settings.thresholdsOf(states.get(patientId)), open.getOrDefault(patientId, new HashMap<>()), readings)));
        loadLoneHistory(work, done);
        List<ReadingAssessment> assessments = new ArrayList<>(batch.size());
        for (Reading r : batch) {
            EvaluationDO earlier = done.get(r.id());
            assessments.add(earlier != null ? assessment(r.id(), earlier.advice) : evaluate(r, work.get(r.patientId())));
        }
        List<AlertDO> toPage = new ArrayList<>();
        List<EvaluationWrites.Link> links = new ArrayList<>();
        List<EvaluationDO> evaluated = new ArrayList<>();
        for (Batch patient : work.values()) {
            patient.changed.forEach(lifecycle::save);
            toPage.addAll(patient.toPage);
            links.addAll(patient.links);
            evaluated.addAll(patient.evaluated);
        }
        if (!links.isEmpty()) {
            writes.linked(links);
        }
        if (!evaluated.isEmpty()) {
            Map<Long, Instant> measured = new HashMap<>();
            batch.stream().filter(r -> !done.containsKey(r.id()))
                    .forEach(r -> measured.merge(r.patientId(), r.measuredAt(), (a, b) -> a.isAfter(b) ? a : b));
            patients.measured(measured);
            writes.evaluated(evaluated);
        }
        return new Outcome(assessments, toPage);
    }

    /**
     * The history of the batch's lone readings (a patient's only reading in it) that need one, in one query for all
     * their patients.
     */
    private void loadLoneHistory(Map<Long, Batch> work, Map<Long, EvaluationDO> done) {
        List<ReadingsApi.Window> windows = new ArrayList<>();
        work.values().forEach(patient -> {
            Reading r = patient.readings.get(0);
            if (patient.readings.size() == 1 && !done.containsKey(r.id())
                    && RuleEngine.needsHistory(r, patient.thresholds, patient.open.keySet())) {
                windows.add(historyWindow(r));
            }
        });
        Map<Long, List<ReadingValues>> byPatient = new HashMap<>();
        readings.history(windows, HISTORY_LIMIT)
                .forEach(v -> byPatient.computeIfAbsent(v.patientId(), p -> new ArrayList<>()).add(v));
        windows.forEach(w -> work.get(w.patientId()).lone = byPatient.getOrDefault(w.patientId(), List.of()));
    }

    /** The 7 days before a reading, which the rules look back on. */
    private static ReadingsApi.Window historyWindow(Reading r) {
        return new ReadingsApi.Window(r.patientId(), r.type(), r.measuredAt().minus(HISTORY_DAYS), r.measuredAt());
    }

    /** One batch's working state: episodes as they change, history loaded once per type, writes still to do. */
    private final class Batch {
        final Thresholds thresholds;
        final Map<AlertFamily, AlertDO> open;
        final List<Reading> readings;
        /** Per type, the batch's shared history window, or empty if it was too large to load at once. */
        final Map<ReadingType, Optional<List<ReadingValues>>> history = new EnumMap<>(ReadingType.class);
        /** A lone reading's history, loaded with the other patients' if it needs one ({@link #loadLoneHistory}). */
        List<ReadingValues> lone;
        final Set<AlertDO> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<AlertDO> toPage = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<EvaluationWrites.Link> links = new ArrayList<>();
        final List<EvaluationDO> evaluated = new ArrayList<>();

        Batch(Thresholds thresholds, Map<AlertFamily, AlertDO> open, List<Reading> readings) {
            this.thresholds = thresholds;
            this.open = open;
            this.readings = readings;
        }

        /** The patient's readings of r's type in the 7 days before it, newest first (at most HISTORY_LIMIT). */
        List<ReadingValues> before(Reading r) {
            if (readings.size() == 1) {
                return lone;
            }
            List<ReadingValues> window = history.computeIfAbsent(r.type(), this::window).orElse(null);
            if (window == null) {
                // Too many to load at once: this reading's own week.
                return Evaluator.this.readings.history(List.of(historyWindow(r)), HISTORY_LIMIT);
            }
            Instant from = r.measuredAt().minus(HISTORY_DAYS);
            return window.stream().filter(e -> e.measuredAt().isBefore(r.measuredAt()) && !e.measuredAt().isBefore(from))
                    .limit(HISTORY_LIMIT).toList();
        }

        /** Everything the batch's readings of a type may look back on, in one query; empty if that is too much. */
        private Optional<List<ReadingValues>> window(ReadingType type) {
            List<Instant> at = readings.stream().filter(r -> r.type() == type).map(Reading::measuredAt).sorted().toList();
            List<ReadingValues> window = Evaluator.this.readings.history(List.of(new ReadingsApi.Window(
                    readings.get(0).patientId(), type, at.get(0).minus(HISTORY_DAYS), at.get(at.size() - 1).plusMillis(1))),
                    WINDOW_LIMIT + 1);
            return window.size() > WINDOW_LIMIT ? Optional.empty() : Optional.of(window);
        }
    }

    private ReadingAssessment evaluate(Reading r, Batch work) {
        Instant now = clock.instant();
        Thresholds t = work.thresholds;
        Map<AlertFamily, AlertDO> open = work.open;
        List<ReadingValues> earlier = RuleEngine.needsHistory(r, t, open.keySet()) ? work.before(r) : List.of();
        List<Finding> findings = RuleEngine.evaluate(r, t, earlier);
        Map<AlertFamily, Finding> byFamily = findings.stream().filter(f -> f.severity() != Severity.P4)
                .collect(Collectors.toMap(Finding::family, Function.identity(),
                        (a, b) -> a.severity().outranks(b.severity()) ? a : b, HashMap::new));

        if (!r.lateBackfill()) {
            // A held alert is not confirmed by an in-range repeat, even if the session mean still looks high.
            Set<AlertFamily> cleared = RuleEngine.clears(r, t, earlier);
            for (AlertDO a : List.copyOf(open.values())) {
                boolean pending = a.status == AlertStatus.PENDING;
                if (cleared.contains(a.family) && (pending || !byFamily.containsKey(a.family))) {
                    lifecycle.resolve(a, null, pending ? "NOT_CONFIRMED" : "AUTO", "reading " + r.id() + " back in range");
                    // Saved now: a later reading of the batch may open a new episode of the family.
                    lifecycle.save(a);
                    work.changed.remove(a);
                    open.remove(a.family);
                    byFamily.remove(a.family);
                }
            }
        }
        List<ReadingAssessment.Raised> raised = new ArrayList<>();
        for (Finding f : byFamily.values()) {
            AlertDO alert = open.get(f.family());
            boolean page;
            if (alert == null) {
                alert = raise(r, f, now);
                open.put(f.family(), alert);
                page = alert.status == AlertStatus.OPEN && !alert.review && alert.severity.pages();
            } else {
                page = attach(alert, r, f, now);
                work.changed.add(alert);
            }
            work.links.add(new EvaluationWrites.Link(alert.id, r.id()));
            raised.add(new ReadingAssessment.Raised(alert.id, alert.severity, alert.rule));
            if (page) {
                work.toPage.add(alert);
            }
        }
        Advice advice = findings.stream().map(Finding::advice).min(Comparator.naturalOrder()).orElse(null);
        EvaluationDO row = new EvaluationDO();
        row.readingId = r.id();
        row.patientId = r.patientId();
        row.advice = advice;
        row.evaluatedAt = now;
        work.evaluated.add(row);
        return new ReadingAssessment(r.id(), raised, advice);
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
     * review episode live, or worsens it; otherwise it is only attached. True if that should page now. The caller
     * saves it.
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
        return page;
    }

    private ReadingAssessment assessment(long readingId, Advice advice) {
        return new ReadingAssessment(readingId, alerts.raisedBy(readingId).stream()
                .map(a -> new ReadingAssessment.Raised(a.id, a.severity, a.rule)).toList(), advice);
    }
}
