package com.chroniccare.core;

import java.math.BigDecimal;

/**
 * Statistics over the last {@code days} days. Glucose in mmol/L; censored LO/HI readings count toward the number and
 * time in range but not the mean. Time in range is the share of glucose readings within 3.9–10.0 mmol/L.
 */
public record ReadingSummary(int days, Glucose glucose, BloodPressure bloodPressure) {

    public record Glucose(long count, BigDecimal mean, BigDecimal min, BigDecimal max, BigDecimal timeInRangePercent) {
    }

    /** Home blood-pressure mean, the basis of the 135/85 home threshold. */
    public record BloodPressure(long count, BigDecimal meanSystolic, BigDecimal meanDiastolic, BigDecimal meanPulse) {
    }
}
