package com.chroniccare.reminder;

import java.time.Instant;

/**
 * A dose's window closed without it being taken or skipped.
 *
 * @param missedInRow    consecutive missed doses of this medication, this one included
 * @param notifyCareTeam the configured number of misses in a row was just reached
 */
public record DoseMissed(long doseId, long patientId, long planId, String medication, Instant dueAt,
                         int missedInRow, boolean notifyCareTeam) {
}
