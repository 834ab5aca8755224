package com.chroniccare.wechat.reminders;

import java.time.Instant;
import java.time.LocalDate;

import com.chroniccare.reminder.DoseStatus;
import com.chroniccare.reminder.DoseView;

/** A dose as GET /api/v1/reminders lists it; ids are strings. */
record DoseItem(String id, String medicationId, String medication, String dose, String instructions, Instant dueAt,
                LocalDate date, String time, DoseStatus status, Instant snoozedUntil, Instant takenAt,
                String skipReason) {

    static DoseItem from(DoseView d) {
        return new DoseItem(String.valueOf(d.id()), String.valueOf(d.planId()), d.medication(), d.dose(),
                d.instructions(), d.dueAt(), d.date(), d.time(), d.status(), d.snoozedUntil(), d.takenAt(),
                d.skipReason());
    }
}
