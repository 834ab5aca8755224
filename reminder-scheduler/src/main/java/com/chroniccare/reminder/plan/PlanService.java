package com.chroniccare.reminder.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.PatientDeleted;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.reminder.MedicationPlan;
import com.chroniccare.reminder.MedicationsApi;
import com.chroniccare.reminder.PlanInput;
import com.chroniccare.reminder.PlanStatus;
import com.chroniccare.reminder.config.ReminderProperties;
import com.chroniccare.reminder.dispatch.PushMapper;
import com.chroniccare.reminder.dose.DoseMapper;
import com.chroniccare.reminder.dose.SettingsMapper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Medication plans, and keeping their doses generated over the rolling horizon. */
@Service
public class PlanService implements MedicationsApi {

    private static final int GENERATE_CHUNK = 200;

    private final PlanMapper plans;
    private final DoseMapper doses;
    private final PushMapper pushes;
    private final SettingsMapper settings;
    private final Generator generator;
    private final AccountsApi accounts;
    private final ConsentApi consents;
    private final AuditApi audit;
    private final ReminderProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    PlanService(PlanMapper plans, DoseMapper doses, PushMapper pushes, SettingsMapper settings, Generator generator,
                AccountsApi accounts, ConsentApi consents, AuditApi audit, ReminderProperties properties,
                TransactionTemplate tx, Clock clock) {
        this.plans = plans;
        this.doses = doses;
        this.pushes = pushes;
        this.settings = settings;
        this.generator = generator;
        this.accounts = accounts;
        this.consents = consents;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<MedicationPlan> plans(long patientId) {
        return plans.ofPatient(patientId).stream().map(PlanService::view).toList();
    }

    @Override
    @Transactional
    public MedicationPlan create(long actorId, long patientId, PlanInput input) {
        consents.require(patientId, ConsentScope.HEALTH_DATA);
        ScheduleRules.requireValid(input, properties.maxTimesPerDay());
        Instant now = clock.instant();
        PlanDO p = new PlanDO();
        p.patientId = patientId;
        p.timeZone = accounts.get(patientId).timeZone().getId();
        p.status = PlanStatus.ACTIVE;
        p.missedInRow = 0;
        p.createdBy = actorId;
        p.createdAt = now;
        copy(input, p, actorId, now);
        plans.insert(p);
        generator.fill(List.of(fromScratch(p)), p.generatedUntil, now);
        audit.record(actorId, patientId, "MEDICATION_CREATED", "plan " + p.id);
        return view(p);
    }

    @Override
    @Transactional
    public MedicationPlan update(long actorId, long patientId, long planId, PlanInput input) {
        PlanDO p = locked(planId, patientId);
        if (p.status == PlanStatus.STOPPED) {
            throw new CareException(ProblemCode.CONFLICT, "medication.stopped");
        }
        ScheduleRules.requireValid(input, properties.maxTimesPerDay());
        Instant now = clock.instant();
        // Only doses not reminded yet change; what was sent, taken or skipped stays as history.
        doses.deleteUnsent(planId, now);
        copy(input, p, actorId, now);
        plans.save(p);
        generator.fill(List.of(fromScratch(p)), p.generatedUntil, now);
        audit.record(actorId, patientId, "MEDICATION_UPDATED", "plan " + planId);
        return view(p);
    }

    @Override
    @Transactional
    public MedicationPlan stop(long actorId, long patientId, long planId) {
        PlanDO p = locked(planId, patientId);
        if (p.status == PlanStatus.STOPPED) {
            return view(p);
        }
        Instant now = clock.instant();
        doses.deleteUnsent(planId, now);
        p.status = PlanStatus.STOPPED;
        p.updatedBy = actorId;
        p.updatedAt = now;
        plans.save(p);
        audit.record(actorId, patientId, "MEDICATION_STOPPED", "plan " + planId);
        return view(p);
    }

    /** The generate tick: extends plans whose doses run out within half the horizon, a chunk per transaction. */
    public int generate() {
        Instant now = clock.instant();
        Instant target = now.plus(properties.horizon());
        Instant refreshBefore = now.plus(properties.horizon().dividedBy(2));
        int extended = 0;
        while (true) {
            List<PlanDO> behind = plans.behind(refreshBefore, GENERATE_CHUNK);
            if (behind.isEmpty()) {
                return extended;
            }
            Integer n = tx.execute(s -> {
                List<PlanDO> mine = new ArrayList<>();
                for (PlanDO p : behind) {
                    if (plans.advance(p.id, p.generatedUntil, target) == 1) {
                        mine.add(p);
                    }
                }
                generator.fill(mine, target, now);
                return mine.size();
            });
            extended += n;
        }
    }

    @ApplicationModuleListener
    void on(PatientDeleted event) {
        long id = event.patientId();
        pushes.eraseOf(id);
        doses.eraseOf(id);
        plans.eraseOf(id);
        settings.deleteById(id);
    }

    private PlanDO locked(long planId, long patientId) {
        PlanDO p = plans.lock(planId, patientId);
        if (p == null) {
            throw CareException.notFound();
        }
        return p;
    }

    private void copy(PlanInput input, PlanDO p, long actorId, Instant now) {
        p.name = input.name().strip();
        p.dose = input.dose().strip();
        p.instructions = input.instructions() == null || input.instructions().isBlank() ? null : input.instructions().strip();
        Generator.apply(p, input.schedule());
        p.generatedUntil = now.plus(properties.horizon());
        p.updatedBy = actorId;
        p.updatedAt = now;
    }

    /** The plan as it is now, as if none of its doses existed: generation then starts at the current minute. */
    private static PlanDO fromScratch(PlanDO p) {
        PlanDO c = new PlanDO();
        c.id = p.id;
        c.patientId = p.patientId;
        c.timesOfDay = p.timesOfDay;
        c.daysOfWeek = p.daysOfWeek;
        c.startDate = p.startDate;
        c.endDate = p.endDate;
        c.timeZone = p.timeZone;
        c.generatedUntil = Instant.EPOCH;
        return c;
    }

    static MedicationPlan view(PlanDO p) {
        return new MedicationPlan(p.id, p.patientId, p.name, p.dose, p.instructions, Generator.schedule(p),
                ZoneId.of(p.timeZone), p.status, p.createdAt, p.updatedAt);
    }
}
