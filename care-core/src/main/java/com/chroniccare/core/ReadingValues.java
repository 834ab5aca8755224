package com.chroniccare.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a reading measured, without where it came from: what the alert rules look back on. Read from the readings'
 * timeline index alone (see {@link ReadingsApi#history}), so a week of a patient's history is one or two index pages
 * instead of a table row each.
 */
public record ReadingValues(long id, long patientId, ReadingType type, Instant measuredAt, BigDecimal glucoseValue,
                            GlucoseUnit glucoseUnit, GlucoseContext glucoseContext, MeterFlag glucoseFlag,
                            Integer systolic, Integer diastolic) {
}
