package com.chroniccare.alerting;

/** P1 critical (notify now, escalate) to P4 (patient-facing only); see notes/clinical-defaults.md. */
public enum Severity {
    P1, P2, P3, P4;

    public boolean outranks(Severity other) {
        return ordinal() < other.ordinal();
    }

    /** P1 and P2 page the care team; P3 goes to review and the morning digest; P4 only advises the patient. */
    public boolean pages() {
        return this == P1 || this == P2;
    }
}
