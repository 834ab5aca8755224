package com.chroniccare.alerting;

import java.util.List;

/** What one reading raised, and what to tell the patient about it. */
public record ReadingAssessment(long readingId, List<Raised> alerts, Advice advice) {

    public record Raised(long alertId, Severity severity, String rule) {
    }
}
