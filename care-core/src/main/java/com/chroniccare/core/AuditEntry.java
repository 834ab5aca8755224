package com.chroniccare.core;

import java.time.Instant;

public record AuditEntry(long id, Instant at, Long actorId, Long patientId, String action, String detail) {
}
