package com.chroniccare.alerting;

/** Alerts of the staff member's patients, newest first; {@code after} is the previous page's cursor. */
public record AlertQuery(AlertStatus status, Severity severity, Long patientId, String after, int limit) {
}
