package com.chroniccare.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A reading as the mini-program sent it, structurally parsed but not yet checked for plausibility. */
public record ReadingInput(String clientId, ReadingType type, Instant measuredAt, Glucose glucose,
                           BloodPressure bloodPressure, Set<Symptom> symptoms, ReadingSource source, String note) {

    public record Glucose(BigDecimal value, GlucoseUnit unit, GlucoseContext context, MeterFlag flag) {
    }

    public record BloodPressure(Integer systolic, Integer diastolic, Integer pulse) {
    }
}
