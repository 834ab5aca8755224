package com.chroniccare.alerting;

import java.time.Instant;

/** Notifications for a patient (one rule family, or all when {@code family} is null) are muted until {@code until}. */
public record Silence(long id, long patientId, AlertFamily family, Instant until, String reason, long createdBy,
                      Instant createdAt) {
}
