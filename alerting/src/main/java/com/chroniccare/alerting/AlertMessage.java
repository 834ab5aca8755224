package com.chroniccare.alerting;

import java.time.Instant;

/** One notification to one person: a care-team member about an alert, or a patient (nudge, digest). */
public record AlertMessage(long recipientId, Long alertId, Long patientId, Kind kind, Severity severity, String rule,
                           Instant at) {

    public enum Kind { ALERT, REPEAT, ESCALATION, DIGEST, PATIENT_NUDGE }
}
