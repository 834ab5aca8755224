package com.chroniccare.alerting.episode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.AlertMessage;
import com.chroniccare.alerting.AlertQuery;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.alerting.DeliveryView;
import com.chroniccare.alerting.ReadingAssessment;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.Silence;
import com.chroniccare.alerting.TeamPolicy;
import com.chroniccare.alerting.ThresholdSettings;
import com.chroniccare.alerting.Thresholds;
import com.chroniccare.alerting.config.AlertingProperties;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.Page;
import com.chroniccare.core.PatientDeleted;
import com.chroniccare.reminder.DoseMissed;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingsRecorded;
import com.chroniccare.core.Violation;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class AlertService implements AlertingApi {

    private static final Set<Integer> SNOOZE_MINUTES = Set.of(15, 30, 60);
    private static final Duration MAX_SILENCE = Duration.ofDays(30);

    private final AlertMapper alerts;
    private final DeliveryMapper deliveries;
    private final SilenceMapper silences;
    private final PatientStateMapper patients;
    private final EvaluationMapper evaluations;
    private final Evaluator evaluator;
    private final Lifecycle lifecycle;
    private final Pager pager;
    private final Settings settings;
    private final CareTeamsApi teams;
    private final ConsentApi consents;
    private final AuditApi audit;
    private final AlertingProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    AlertService(AlertMapper alerts, DeliveryMapper deliveries, SilenceMapper silences, PatientStateMapper patients,
                 EvaluationMapper evaluations, Evaluator evaluator, Lifecycle lifecycle, Pager pager, Settings settings,
                 CareTeamsApi teams, ConsentApi consents, AuditApi audit,
                 AlertingProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.silences = silences;
        this.patients = patients;
        this.evaluations = evaluations;
        this.evaluator = evaluator;
        this.lifecycle = lifecycle;
        this.pager = pager;
        this.settings = settings;
        this.teams = teams;
        this.consents = consents;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Every accepted reading, from the event publication log (replayed after a crash), evaluated in one go like the
     * request that stored them: usually that request's assessment already has, or is doing it, and this waits for it.
     * Not in a transaction of its own: evaluation commits before anyone is paged, so no lock is held while WeChat is
     * called.
     */
    @Async
    @TransactionalEventListener
    void on(ReadingsRecorded event) {
        evaluator.ensureEvaluated(event.readings().stream().map(ReadingsRecorded.Item::id).toList());
    }

    @ApplicationModuleListener
    void on(PatientDeleted event) {
        long id = event.patientId();
        alerts.eraseReadingsOf(id);
        alerts.eraseOf(id);
        deliveries.eraseOf(id);
        silences.eraseOf(id);
        evaluations.eraseOf(id);
        patients.deleteById(id);
    }

    @Override
    public Assessments assess(List<Reading> readings) {
        Evaluator.Outcome outcome = evaluator.evaluateWithoutPaging(readings);
        Map<Long, Runnable> paging = new HashMap<>();
        outcome.toPage().stream().collect(Collectors.groupingBy(alert -> alert.patientId))
                .forEach((patientId, alerts) -> paging.put(patientId, () -> evaluator.page(alerts)));
        return new Assessments(outcome.assessments(), paging);
    }

    @Override
    public List<Advice> adviceFor(List<Reading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        Map<Long, Advice> advice = new HashMap<>();
        evaluations.in(readings.stream().map(Reading::id).toList()).forEach(e -> advice.put(e.readingId, e.advice));
        List<Reading> missing = readings.stream().filter(r -> !advice.containsKey(r.id())).toList();
        if (!missing.isEmpty()) {
            evaluator.evaluate(missing).forEach(a -> advice.put(a.readingId(), a.advice()));
        }
        return readings.stream().map(r -> advice.get(r.id())).toList();
    }

    @Override
    public Page<AlertView> list(long staffId, AlertQuery q) {
        List<Long> visible = teams.patientsOf(staffId).stream()
                .filter(p -> q.patientId() == null || q.patientId().equals(p))
                .filter(p -> consents.hasConsented(p, ConsentScope.CARE_TEAM_SHARING)).toList();
        if (visible.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Long after = decodeCursor(q.after());
        List<AlertDO> rows = alerts.page(visible, q.status(), q.severity(), after, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<AlertDO> page = more ? rows.subList(0, q.limit()) : rows;
        String next = more ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.valueOf(page.get(page.size() - 1).id).getBytes(StandardCharsets.US_ASCII)) : null;
        return new Page<>(page.stream().map(Lifecycle::view).toList(), next);
    }

    @Override
    public AlertView get(long staffId, long alertId) {
        return Lifecycle.view(visible(staffId, alertId));
    }

    @Override
    @Transactional
    public AlertView acknowledge(long staffId, long alertId) {
        AlertDO a = visible(staffId, alertId);
        if (a.status == AlertStatus.ACKNOWLEDGED) {
            return Lifecycle.view(a);
        }
        requireUnresolved(a);
        Instant now = clock.instant();
        a.status = AlertStatus.ACKNOWLEDGED;
        a.acknowledgedBy = staffId;
        a.acknowledgedAt = now;
        a.confirmUntil = null;
        a.ackDeadline = null;
        a.snoozedUntil = null;
        // An acknowledged but unresolved P1/P2 pages again after the team's re-acknowledge interval.
        a.nextNotifyAt = a.severity.pages() && !a.review
                ? now.plus(Duration.ofMinutes(lifecycle.policyFor(a.patientId).reackMinutes())) : null;
        lifecycle.save(a);
        audit.record(staffId, a.patientId, "ALERT_ACKNOWLEDGED", "alert " + a.id);
        return Lifecycle.view(a);
    }

    @Override
    @Transactional
    public AlertView resolve(long staffId, long alertId, String note) {
        if (note == null || note.isBlank() || note.length() > 500) {
            throw CareException.invalid(Violation.of("note", "REQUIRED", "alert.note-required"));
        }
        AlertDO a = visible(staffId, alertId);
        requireUnresolved(a);
        lifecycle.resolve(a, staffId, "MANUAL", note);
        lifecycle.save(a);
        audit.record(staffId, a.patientId, "ALERT_RESOLVED", "alert " + a.id + ": " + note);
        return Lifecycle.view(a);
    }

    @Override
    @Transactional
    public AlertView snooze(long staffId, long alertId, int minutes) {
        if (!SNOOZE_MINUTES.contains(minutes)) {
            throw CareException.invalid(Violation.of("minutes", "INVALID", "alert.snooze-minutes"));
        }
        AlertDO a = visible(staffId, alertId);
        requireUnresolved(a);
        Instant now = clock.instant();
        if (a.snoozedUntil != null && a.snoozedUntil.isAfter(now)) {
            throw new CareException(ProblemCode.CONFLICT, "alert.already-snoozed");
        }
        a.snoozedUntil = now.plus(Duration.ofMinutes(minutes));
        if (a.nextNotifyAt != null && a.nextNotifyAt.isBefore(a.snoozedUntil)) {
            a.nextNotifyAt = a.snoozedUntil;
        }
        if (a.ackDeadline != null && a.ackDeadline.isBefore(a.snoozedUntil)) {
            a.ackDeadline = a.snoozedUntil.plus(Duration.ofMinutes(lifecycle.policyFor(a.patientId).ackTimeoutMinutes()));
        }
        lifecycle.save(a);
        audit.record(staffId, a.patientId, "ALERT_SNOOZED", "alert " + a.id + " for " + minutes + " min");
        return Lifecycle.view(a);
    }

    @Override
    public List<DeliveryView> deliveries(long staffId, long alertId) {
        visible(staffId, alertId);
        return deliveries.ofAlert(alertId).stream().map(d -> new DeliveryView(d.id, d.recipientId, d.kind, d.status,
                d.attempt, d.errorCode, d.error, d.updatedAt, d.retryAt)).toList();
    }

    @Override
    @Transactional
    public Silence silence(long staffId, long patientId, AlertFamily family, Instant until, String reason) {
        requirePatient(staffId, patientId);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_SILENCE))) {
            throw CareException.invalid(Violation.of("until", "OUT_OF_RANGE", "alert.silence-until", MAX_SILENCE.toDays()));
        }
        if (reason == null || reason.isBlank()) {
            throw CareException.invalid(Violation.of("reason", "REQUIRED", "field.required"));
        }
        SilenceDO s = new SilenceDO();
        s.patientId = patientId;
        s.family = family;
        s.untilAt = until;
        s.reason = reason;
        s.createdBy = staffId;
        s.createdAt = now;
        silences.insert(s);
        audit.record(staffId, patientId, "ALERT_SILENCED", (family == null ? "all rules" : family.name())
                + " until " + until + ": " + reason);
        return silence(s);
    }

    @Override
    public List<Silence> silences(long staffId, long patientId) {
        requirePatient(staffId, patientId);
        return silences.current(patientId, clock.instant()).stream().map(AlertService::silence).toList();
    }

    @Override
    public ThresholdSettings thresholds(long staffId, long patientId) {
        requirePatient(staffId, patientId);
        return settings.settingsOf(patientId);
    }

    @Override
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ThresholdSettings setThresholds(long staffId, long patientId, Thresholds thresholds, String reason) {
        requirePatient(staffId, patientId);
        settings.setThresholds(staffId, patientId, thresholds, reason);
        audit.record(staffId, patientId, "THRESHOLDS_CHANGED", reason);
        return settings.settingsOf(patientId);
    }

    @Override
    public TeamPolicy policy(long staffId, long teamId) {
        requireTeam(staffId, teamId);
        return settings.policyOf(teamId);
    }

    @Override
    @Transactional
    public TeamPolicy setPolicy(long staffId, long teamId, TeamPolicy policy) {
        requireTeam(staffId, teamId);
        settings.setPolicy(staffId, teamId, policy);
        audit.record(staffId, null, "ALERT_POLICY_CHANGED", "team " + teamId);
        return settings.policyOf(teamId);
    }

    @Override
    public Map<Long, List<AlertView>> unresolved(Collection<Long> patientIds) {
        Map<Long, List<AlertView>> byPatient = new HashMap<>();
        patientIds.forEach(id -> byPatient.put(id, new ArrayList<>()));
        if (!patientIds.isEmpty()) {
            alerts.unresolvedOf(patientIds).forEach(a -> byPatient.get(a.patientId).add(Lifecycle.view(a)));
        }
        return byPatient;
    }

    @Override
    public boolean visibleTo(long staffId, long patientId) {
        return teams.isResponsibleFor(staffId, patientId) && consents.hasConsented(patientId, ConsentScope.CARE_TEAM_SHARING);
    }

    @Override
    public void runTimers() {
        Instant now = clock.instant();
        for (Long id : alerts.holdsExpired(now)) {
            // No confirming repeat arrived in time: the alert stands.
            AlertDO a = tx.execute(s -> {
                AlertDO held = alerts.selectById(id);
                if (held.status != AlertStatus.PENDING) {
                    return null;
                }
                held.status = AlertStatus.OPEN;
                held.confirmUntil = null;
                lifecycle.arm(held, now);
                return lifecycle.trySave(held) ? held : null;
            });
            if (a != null) {
                pager.page(a, AlertMessage.Kind.ALERT);
            }
        }
        for (AlertDO a : alerts.pagingDue(now)) {
            TeamPolicy p = lifecycle.policyFor(a.patientId);
            AlertMessage.Kind kind = AlertMessage.Kind.REPEAT;
            if (a.ackDeadline != null && !a.ackDeadline.isAfter(now)) {
                if (a.tier < lifecycle.maxTier(a.patientId)) {
                    a.tier++;
                    kind = AlertMessage.Kind.ESCALATION;
                }
                a.ackDeadline = now.plus(Duration.ofMinutes(p.ackTimeoutMinutes()));
            } else if (a.nextNotifyAt == null || a.nextNotifyAt.isAfter(now)) {
                continue;
            }
            a.nextNotifyAt = now.plus(Lifecycle.repeat(a.severity, p));
            if (Boolean.TRUE.equals(tx.execute(s -> lifecycle.trySave(a)))) {
                pager.page(a, kind);
            }
        }
        for (AlertDO a : alerts.reacknowledgeDue(now)) {
            a.status = AlertStatus.OPEN;
            lifecycle.arm(a, now);
            if (Boolean.TRUE.equals(tx.execute(s -> lifecycle.trySave(a)))) {
                pager.page(a, AlertMessage.Kind.REPEAT);
            }
        }
        pager.retryDue();
    }

    @Override
    public void checkMissedMeasurements() {
        Instant now = clock.instant();
        for (PatientStateDO state : patients.silentSince(now.minus(Duration.ofHours(12)))) {
            Duration interval = Duration.ofHours(settings.thresholdsOf(state).expectedIntervalHours());
            Duration silent = Duration.between(state.lastMeasuredAt, now);
            if (silent.compareTo(interval.multipliedBy(3)) >= 0) {
                if (patients.missed(state.patientId, state.missedLevel, 2) == 1) {
                    tx.executeWithoutResult(s -> raiseTask(state.patientId, AlertFamily.MISSED_MEASUREMENT,
                            "NO_READINGS_3X_INTERVAL", now));
                }
            } else if (silent.compareTo(interval) >= 0 && state.missedLevel == 0
                    && patients.missed(state.patientId, 0, 1) == 1) {
                pager.notifyPatient(state.patientId, AlertMessage.Kind.PATIENT_NUDGE);
            }
        }
    }

    /**
     * Repeated missed doses become a care-team task, once per open episode. Only the miss that reaches the
     * configured count carries {@code notifyCareTeam}, so a redelivered event finds the episode already open.
     */
    @ApplicationModuleListener
    void on(DoseMissed event) {
        if (event.notifyCareTeam()) {
            raiseTask(event.patientId(), AlertFamily.MISSED_DOSES, "MISSED_DOSES_IN_ROW", clock.instant());
        }
    }

    /** A P3 task for the care team (no reading behind it), unless one of its family is open already. */
    private void raiseTask(long patientId, AlertFamily family, String rule, Instant now) {
        if (alerts.open(AlertDO.openKey(patientId, family)) != null) {
            return;
        }
        AlertDO a = new AlertDO();
        a.patientId = patientId;
        a.family = family;
        a.parameter = a.family.parameter();
        a.rule = rule;
        a.severity = Severity.P3;
        a.status = AlertStatus.OPEN;
        a.review = false;
        a.openKey = AlertDO.openKey(patientId, a.family);
        a.openedAt = now;
        a.tier = 1;
        a.readingCount = 0;
        lifecycle.insert(a);
    }

    @Override
    public void sendMorningDigests() {
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(properties.zone()));
        Map<Long, CareTeam> teamsWithWarnings = new HashMap<>();
        for (Long patientId : alerts.patientsWithOpenWarnings()) {
            teams.teamOfPatient(patientId).ifPresent(t -> teamsWithWarnings.put(t.id(), t));
        }
        for (CareTeam team : teamsWithWarnings.values()) {
            TeamPolicy p = settings.policyOf(team.id());
            LocalDate today = local.toLocalDate();
            Instant morning = today.atTime(p.nightEnd()).atZone(properties.zone()).toInstant();
            Instant evening = today.atTime(p.nightStart()).atZone(properties.zone()).toInstant();
            Instant now = clock.instant();
            if (now.isBefore(morning) || !now.isBefore(evening)) {
                continue;
            }
            settings.ensurePolicy(team.id());
            if (settings.claimDigest(team.id(), morning, now)) {
                int warnings = alerts.openWarnings(teams.patientsOfTeam(team.id()));
                team.members().stream().filter(m -> m.tier() == 1)
                        .forEach(m -> pager.digest(m.userId(), warnings));
            }
        }
    }

    private AlertDO visible(long staffId, long alertId) {
        AlertDO a = alerts.selectById(alertId);
        if (a == null || !visibleTo(staffId, a.patientId)) {
            throw CareException.notFound();
        }
        return a;
    }

    private void requirePatient(long staffId, long patientId) {
        if (!visibleTo(staffId, patientId)) {
            throw CareException.notFound();
        }
    }

    private void requireTeam(long staffId, long teamId) {
        if (teams.teamsOf(staffId).stream().noneMatch(t -> t.id() == teamId)) {
            throw CareException.notFound();
        }
    }

    private static void requireUnresolved(AlertDO a) {
        if (a.status == AlertStatus.RESOLVED) {
            throw new CareException(ProblemCode.CONFLICT, "alert.resolved");
        }
    }

    private static Silence silence(SilenceDO s) {
        return new Silence(s.id, s.patientId, s.family, s.untilAt, s.reason, s.createdBy, s.createdAt);
    }

    private static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw CareException.invalid(Violation.of("cursor", "INVALID", "page.cursor-invalid"));
        }
    }
}
