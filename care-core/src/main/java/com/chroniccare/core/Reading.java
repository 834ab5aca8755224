package com.chroniccare.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * An accepted reading. Glucose is kept as entered ({@code glucoseValue} in {@code glucoseUnit}) and canonically in
 * mmol/L; a meter LO/HI reading is censored at the meter's limit and carries its {@code glucoseFlag}.
 */
public record Reading(long id, long patientId, String clientId, ReadingType type, Instant measuredAt,
                      Instant receivedAt, boolean lateBackfill, BigDecimal glucoseMmol, BigDecimal glucoseValue,
                      GlucoseUnit glucoseUnit, GlucoseContext glucoseContext, MeterFlag glucoseFlag,
                      Integer systolic, Integer diastolic, Integer pulse, Set<Symptom> symptoms,
                      ReadingSource source, String note) {

    public ReadingValues values() {
        return new ReadingValues(id, patientId, type, measuredAt, glucoseValue, glucoseUnit, glucoseContext, glucoseFlag,
                systolic, diastolic);
    }
}
