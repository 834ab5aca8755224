package com.chroniccare.reminder.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.chroniccare.reminder.Schedule;
import com.chroniccare.reminder.dispatch.PushDO;
import com.chroniccare.reminder.dispatch.PushMapper;
import com.chroniccare.reminder.dose.DoseDO;
import com.chroniccare.reminder.dose.DoseMapper;
import org.springframework.stereotype.Component;

/** Writes a plan's doses, and one reminder push per patient and minute, for a window. Idempotent. */
@Component
public class Generator {

    private static final int CHUNK = 500;

    private final DoseMapper doses;
    private final PushMapper pushes;

    Generator(DoseMapper doses, PushMapper pushes) {
        this.doses = doses;
        this.pushes = pushes;
    }

    /**
     * Doses from where each plan's were generated up to until {@code to}, in the caller's transaction. Nothing
     * before the current minute: a plan entered at 08:00:40 for 08:00 still gets today's 08:00 dose.
     */
    void fill(List<PlanDO> plans, Instant to, Instant now) {
        Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
        List<DoseDO> doseRows = new ArrayList<>();
        Map<String, PushDO> pushRows = new LinkedHashMap<>();
        for (PlanDO plan : plans) {
            Instant start = plan.generatedUntil.isBefore(thisMinute) ? thisMinute : plan.generatedUntil;
            for (ScheduleRules.Occurrence o : ScheduleRules.expand(schedule(plan), ZoneId.of(plan.timeZone), start, to)) {
                DoseDO d = new DoseDO();
                d.planId = plan.id;
                d.patientId = plan.patientId;
                d.dueAt = o.dueAt();
                d.localDate = o.date();
                d.updatedAt = now;
                doseRows.add(d);
                pushRows.putIfAbsent(plan.patientId + "@" + o.dueAt(), PushDO.due(plan.patientId, o.dueAt(), plan.timeZone));
            }
        }
        for (int i = 0; i < doseRows.size(); i += CHUNK) {
            doses.insertIgnore(doseRows.subList(i, Math.min(doseRows.size(), i + CHUNK)));
        }
        List<PushDO> distinct = new ArrayList<>(pushRows.values());
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            pushes.insertIgnore(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        }
    }

    static Schedule schedule(PlanDO p) {
        List<String> times = Arrays.asList(p.timesOfDay.split(","));
        Set<DayOfWeek> days = p.daysOfWeek == null ? null : Arrays.stream(p.daysOfWeek.split(","))
                .map(d -> DayOfWeek.of(Integer.parseInt(d))).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new Schedule(times, days, p.startDate, p.endDate);
    }

    static void apply(PlanDO p, Schedule s) {
        p.timesOfDay = s.timesOfDay().stream().sorted().collect(Collectors.joining(","));
        p.daysOfWeek = s.daysOfWeek() == null || s.daysOfWeek().isEmpty() ? null : s.daysOfWeek().stream().sorted()
                .map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
        p.startDate = s.startDate();
        p.endDate = s.endDate();
    }
}
