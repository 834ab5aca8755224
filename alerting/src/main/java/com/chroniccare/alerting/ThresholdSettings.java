package com.chroniccare.alerting;

import java.time.Instant;

/** The thresholds in force for a patient, whether they are the defaults, and who last changed them and why. */
public record ThresholdSettings(Thresholds thresholds, boolean defaults, Long changedBy, Instant changedAt,
                                String reason) {
}
