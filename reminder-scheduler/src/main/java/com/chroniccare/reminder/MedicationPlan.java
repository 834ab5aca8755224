package com.chroniccare.reminder;

import java.time.Instant;
import java.time.ZoneId;

public record MedicationPlan(long id, long patientId, String name, String dose, String instructions,
                             Schedule schedule, ZoneId timeZone, PlanStatus status, Instant createdAt,
                             Instant updatedAt) {
}
