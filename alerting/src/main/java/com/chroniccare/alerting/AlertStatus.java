package com.chroniccare.alerting;

public enum AlertStatus {
    /** Waiting for a confirming repeat measurement; nobody is paged yet. */
    PENDING,
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
