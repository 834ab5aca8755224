package com.chroniccare.reminder;

import java.time.Instant;
import java.time.LocalDate;

/** One dose of one medication: what GET /api/v1/reminders lists. */
public record DoseView(long id, long planId, String medication, String dose, String instructions, Instant dueAt,
                       LocalDate date, String time, DoseStatus status, Instant snoozedUntil, Instant takenAt,
                       String skipReason) {
}
