package com.chroniccare.alerting;

import java.time.Instant;

/**
 * An alert episode. {@code review} marks one raised from late back-filled readings: it is for review and never
 * pages anyone. {@code tier} is how far up the care team's escalation tiers it has gone.
 */
public record AlertView(long id, long patientId, AlertFamily family, String rule, Severity severity, AlertStatus status,
                        boolean review, Instant openedAt, Instant updatedAt, Instant confirmUntil, Instant snoozedUntil,
                        int tier, int readingCount, Long acknowledgedBy, Instant acknowledgedAt, Long resolvedBy,
                        Instant resolvedAt, String resolution, String resolutionNote) {
}
