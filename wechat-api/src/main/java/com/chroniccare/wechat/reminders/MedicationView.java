package com.chroniccare.wechat.reminders;

import java.time.Instant;

import com.chroniccare.reminder.MedicationPlan;
import com.chroniccare.reminder.PlanStatus;
import com.chroniccare.reminder.Schedule;

/** A medication plan as the API shows it; ids are strings. */
record MedicationView(String id, String name, String dose, String instructions, Schedule schedule, String timeZone,
                      PlanStatus status, Instant createdAt, Instant updatedAt) {

    static MedicationView from(MedicationPlan p) {
        return new MedicationView(String.valueOf(p.id()), p.name(), p.dose(), p.instructions(), p.schedule(),
                p.timeZone().getId(), p.status(), p.createdAt(), p.updatedAt());
    }
}
