package com.chroniccare.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A patient's doses, what they did about them, and adherence. Another patient's dose does not exist (NOT_FOUND). */
public interface DosesApi {

    List<DoseView> day(long patientId, LocalDate date);

    /** Idempotent: taking a taken dose again changes nothing. {@code takenAt} defaults to now. */
    DoseView taken(long patientId, long doseId, Instant takenAt);

    /** Reminds again after {@code minutes}; idempotent while snoozed. */
    DoseView snooze(long patientId, long doseId, int minutes);

    DoseView skip(long patientId, long doseId, String reason);

    List<Adherence> adherence(long patientId, int days);

    /** Share of decided doses taken per patient (no entry for a patient with none), for the staff panel. */
    Map<Long, Double> takenShares(Collection<Long> patientIds, int days);

    QuietHours quietHours(long patientId);

    QuietHours setQuietHours(long patientId, QuietHours quietHours);

    /** Plans and doses of a patient, for their PIPL data export. */
    Map<String, Object> export(long patientId);
}
