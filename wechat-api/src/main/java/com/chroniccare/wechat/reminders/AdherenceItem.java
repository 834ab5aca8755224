package com.chroniccare.wechat.reminders;

import java.time.LocalDate;

import com.chroniccare.reminder.Adherence;
import com.chroniccare.reminder.PlanStatus;

/** Adherence to one medication; ids are strings. */
record AdherenceItem(String medicationId, String medication, PlanStatus status, int decided, int taken,
                     Double takenShare, int streakDays, LocalDate streakSince) {

    static AdherenceItem from(Adherence a) {
        return new AdherenceItem(String.valueOf(a.planId()), a.medication(), a.status(), a.decided(), a.taken(),
                a.takenShare(), a.streakDays(), a.streakSince());
    }
}
