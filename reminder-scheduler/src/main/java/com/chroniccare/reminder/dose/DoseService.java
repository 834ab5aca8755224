package com.chroniccare.reminder.dose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Violation;
import com.chroniccare.reminder.Adherence;
import com.chroniccare.reminder.DoseMissed;
import com.chroniccare.reminder.DoseStatus;
import com.chroniccare.reminder.DoseTaken;
import com.chroniccare.reminder.DoseView;
import com.chroniccare.reminder.DosesApi;
import com.chroniccare.reminder.MedicationsApi;
import com.chroniccare.reminder.QuietHours;
import com.chroniccare.reminder.config.ReminderProperties;
import com.chroniccare.reminder.dispatch.PushDO;
import com.chroniccare.reminder.dispatch.PushMapper;
import com.chroniccare.reminder.plan.PlanDO;
import com.chroniccare.reminder.plan.PlanMapper;
import com.chroniccare.reminder.plan.ScheduleRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What patients do about their doses, when a dose counts as missed, and adherence. */
@Service
public class DoseService implements DosesApi {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<DoseStatus> SNOOZABLE = Set.of(DoseStatus.SCHEDULED, DoseStatus.SENT);
    /** Phone clocks drift; a taken time this far ahead is still accepted as now. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final int MISSED_CHUNK = 500;

    private final DoseMapper doses;
    private final PlanMapper plans;
    private final PushMapper pushes;
    private final SettingsMapper settings;
    private final MedicationsApi medications;
    private final AccountsApi accounts;
    private final ConsentApi consents;
    private final ApplicationEventPublisher events;
    private final ReminderProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    DoseService(DoseMapper doses, PlanMapper plans, PushMapper pushes, SettingsMapper settings,
                MedicationsApi medications, AccountsApi accounts, ConsentApi consents,
                ApplicationEventPublisher events, ReminderProperties properties, TransactionTemplate tx, Clock clock) {
        this.doses = doses;
        this.plans = plans;
        this.pushes = pushes;
        this.settings = settings;
        this.medications = medications;
        this.accounts = accounts;
        this.consents = consents;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<DoseView> day(long patientId, LocalDate date) {
        return doses.ofDay(patientId, date).stream().map(DoseService::view).toList();
    }

    @Override
    @Transactional
    public DoseView taken(long patientId, long doseId, Instant takenAt) {
        DoseDO d = actOn(patientId, doseId);
        if (d.status == DoseStatus.TAKEN) {
            return view(d);
        }
        Instant now = clock.instant();
        Instant at = takenAt == null ? now : takenAt;
        if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw CareException.invalid(Violation.of("takenAt", "IN_FUTURE", "dose.taken-in-future"));
        }
        if (at.isBefore(d.dueAt.minus(Duration.ofHours(12)))) {
            throw CareException.invalid(Violation.of("takenAt", "TOO_EARLY", "dose.taken-too-early"));
        }
        d.status = DoseStatus.TAKEN;
        d.takenAt = at.isAfter(now) ? now : at;
        d.skipReason = null;
        save(d, now);
        plans.resetMissed(d.planId);
        events.publishEvent(new DoseTaken(d.id, patientId, d.planId, d.takenAt));
        return view(d);
    }

    @Override
    @Transactional
    public DoseView snooze(long patientId, long doseId, int minutes) {
        if (minutes < 5 || minutes > 120) {
            throw CareException.invalid(Violation.of("minutes", "RANGE", "dose.snooze-minutes", 5, 120));
        }
        DoseDO d = actOn(patientId, doseId);
        if (d.status == DoseStatus.SNOOZED) {
            return view(d);
        }
        if (!SNOOZABLE.contains(d.status)) {
            throw new CareException(ProblemCode.CONFLICT, "dose.not-snoozable");
        }
        Instant now = clock.instant();
        d.status = DoseStatus.SNOOZED;
        d.snoozedUntil = now.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MINUTES);
        save(d, now);
        pushes.insertIgnore(List.of(PushDO.due(patientId, d.snoozedUntil, d.timeZone)));
        return view(d);
    }

    @Override
    @Transactional
    public DoseView skip(long patientId, long doseId, String reason) {
        if (reason != null && reason.length() > 255) {
            throw CareException.invalid(Violation.of("reason", "TOO_LONG", "field.too-long", 255));
        }
        DoseDO d = actOn(patientId, doseId);
        if (d.status == DoseStatus.SKIPPED) {
            return view(d);
        }
        d.status = DoseStatus.SKIPPED;
        d.skipReason = reason == null || reason.isBlank() ? null : reason.strip();
        d.takenAt = null;
        save(d, clock.instant());
        return view(d);
    }

    @Override
    public List<Adherence> adherence(long patientId, int days) {
        if (days < 1 || days > 90) {
            throw CareException.invalid(Violation.of("days", "RANGE", "adherence.days", 1, 90));
        }
        ZoneId zone = accounts.get(patientId).timeZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.minusDays(days - 1L).atStartOfDay(zone).toInstant();
        Map<Long, List<DoseDO>> byPlan = new HashMap<>();
        for (DoseDO d : doses.between(patientId, from, now)) {
            byPlan.computeIfAbsent(d.planId, k -> new ArrayList<>()).add(d);
        }
        List<Adherence> out = new ArrayList<>();
        for (var plan : medications.plans(patientId)) {
            List<DoseDO> ds = byPlan.getOrDefault(plan.id(), List.of());
            if (ds.isEmpty() && plan.status() != com.chroniccare.reminder.PlanStatus.ACTIVE) {
                continue;
            }
            int taken = (int) ds.stream().filter(d -> d.status == DoseStatus.TAKEN).count();
            int decided = (int) ds.stream().filter(d -> !Streaks.open(d.status)).count();
            Streaks.Run streak = Streaks.run(ds, today);
            out.add(new Adherence(plan.id(), plan.name(), plan.status(), decided, taken,
                    decided == 0 ? null : (double) taken / decided, streak.days(), streak.since()));
        }
        return out;
    }

    @Override
    public Map<Long, Double> takenShares(Collection<Long> patientIds, int days) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Double> shares = new HashMap<>();
        for (DoseMapper.Share row : doses.shares(patientIds, clock.instant().minus(Duration.ofDays(days)))) {
            if (row.decided > 0) {
                shares.put(row.patientId, (double) row.taken / row.decided);
            }
        }
        return shares;
    }

    @Override
    public QuietHours quietHours(long patientId) {
        SettingsDO s = settings.selectById(patientId);
        return s == null ? new QuietHours(null, null) : new QuietHours(s.quietStart, s.quietEnd);
    }

    @Override
    @Transactional
    public QuietHours setQuietHours(long patientId, QuietHours q) {
        boolean none = q.start() == null && q.end() == null;
        List<Violation> v = new ArrayList<>();
        if (!none && !ScheduleRules.isTime(q.start())) {
            v.add(Violation.of("start", "TIME_FORMAT", "medication.time-format"));
        }
        if (!none && !ScheduleRules.isTime(q.end())) {
            v.add(Violation.of("end", "TIME_FORMAT", "medication.time-format"));
        }
        if (!v.isEmpty()) {
            throw new CareException(com.chroniccare.core.Problem.invalid(v));
        }
        SettingsDO s = new SettingsDO();
        s.patientId = patientId;
        s.quietStart = q.start();
        s.quietEnd = q.end();
        s.updatedAt = clock.instant();
        if (settings.save(s) == 0) {
            settings.insert(s);
        }
        return quietHours(patientId);
    }

    @Override
    public Map<String, Object> export(long patientId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("medications", medications.plans(patientId));
        out.put("doses", doses.allOf(patientId).stream().map(DoseService::view).toList());
        out.put("quietHours", quietHours(patientId));
        return out;
    }

    /**
     * The missed-dose tick: closes doses whose window passed, a chunk per transaction, and publishes
     * {@link DoseMissed} with the medication's misses in a row. Instances skip each other's locked rows.
     */
    public int markMissed() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.missedAfter());
        int marked = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                List<DoseDO> closed = doses.closed(cutoff, MISSED_CHUNK);
                if (closed.isEmpty()) {
                    return 0;
                }
                doses.markMissed(closed.stream().map(d -> d.id).toList(), now);
                Map<Long, List<DoseDO>> byPlan = new LinkedHashMap<>();
                closed.forEach(d -> byPlan.computeIfAbsent(d.planId, k -> new ArrayList<>()).add(d));
                byPlan.forEach((planId, missed) -> {
                    plans.addMissed(planId, missed.size());
                    PlanDO plan = plans.selectById(planId);
                    int inRow = plan.missedInRow - missed.size();
                    for (DoseDO d : missed) {
                        inRow++;
                        boolean notify = inRow == properties.notifyCareTeamAfterMissed();
                        events.publishEvent(new DoseMissed(d.id, d.patientId, planId, plan.name, d.dueAt, inRow, notify));
                    }
                });
                return closed.size();
            });
            if (n == 0) {
                return marked;
            }
            marked += n;
        }
    }

    private DoseDO actOn(long patientId, long doseId) {
        consents.require(patientId, ConsentScope.HEALTH_DATA);
        DoseDO d = doses.lock(doseId, patientId);
        if (d == null) {
            throw CareException.notFound();
        }
        return d;
    }

    private void save(DoseDO d, Instant now) {
        d.updatedAt = now;
        doses.save(d);
    }


    static DoseView view(DoseDO d) {
        ZoneId zone = ZoneId.of(d.timeZone);
        return new DoseView(d.id, d.planId, d.medication, d.doseText, d.instructions, d.dueAt, d.localDate,
                HH_MM.format(d.dueAt.atZone(zone)), d.status, d.snoozedUntil, d.takenAt, d.skipReason);
    }
}
