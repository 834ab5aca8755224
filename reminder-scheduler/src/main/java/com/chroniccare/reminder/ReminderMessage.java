package com.chroniccare.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One reminder push: every dose a patient has due at one minute. */
public record ReminderMessage(long pushId, long patientId, Instant dueAt, ZoneId zone, List<Line> doses) {

    public record Line(String medication, String dose, String instructions) {
    }
}
