package com.chroniccare.alerting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.chroniccare.core.Page;
import com.chroniccare.core.Reading;

/**
 * Alerts for care teams. Every staff-facing call checks that the patient is on one of the caller's care teams and
 * consented to sharing; otherwise the alert or patient does not exist for the caller (NOT_FOUND).
 */
public interface AlertingApi {

    /**
     * Evaluates stored readings, of one patient or several, unless they already were (idempotent), in one
     * transaction, and returns what each raised and the advice, in the order given. Paging the alerts they raised is
     * left to the caller, patient by patient ({@code paging}): one thread evaluating many patients' readings then
     * never waits for WeChat.
     */
    Assessments assess(List<Reading> readings);

    /** Assessments of readings, in order, and per patient the paging their alerts still need. */
    record Assessments(List<ReadingAssessment> assessments, Map<Long, Runnable> paging) {
    }

    /**
     * The advice each reading got (null where none), in the order given: read from its stored evaluation, so
     * nothing is locked; a reading not evaluated yet is evaluated first.
     */
    List<Advice> adviceFor(List<Reading> readings);

    Page<AlertView> list(long staffId, AlertQuery query);

    AlertView get(long staffId, long alertId);

    AlertView acknowledge(long staffId, long alertId);

    AlertView resolve(long staffId, long alertId, String note);

    /** 15, 30 or 60 minutes; no re-snooze while snoozed. */
    AlertView snooze(long staffId, long alertId, int minutes);

    List<DeliveryView> deliveries(long staffId, long alertId);

    Silence silence(long staffId, long patientId, AlertFamily family, Instant until, String reason);

    List<Silence> silences(long staffId, long patientId);

    ThresholdSettings thresholds(long staffId, long patientId);

    ThresholdSettings setThresholds(long staffId, long patientId, Thresholds thresholds, String reason);

    TeamPolicy policy(long staffId, long teamId);

    TeamPolicy setPolicy(long staffId, long teamId, TeamPolicy policy);

    /** Unresolved alerts per patient, for the staff panel (callers have already checked access). */
    Map<Long, List<AlertView>> unresolved(Collection<Long> patientIds);

    /** True if the staff member may see this patient's alerts (their team, sharing consent given). */
    boolean visibleTo(long staffId, long patientId);

    /** The timer tick: expired confirmation holds, repeats, escalations, re-triggers and delivery retries. */
    void runTimers();

    /** Nudges patients who stopped measuring, then raises a care-team task. */
    void checkMissedMeasurements();

    /** Sends each care team its morning digest of warnings (P3) once the night is over. */
    void sendMorningDigests();
}
