package com.chroniccare.alerting;

import java.math.BigDecimal;

/**
 * A patient's alert thresholds. Glucose in mmol/L (applied to mg/dL readings by conversion), blood pressure in mmHg.
 * Defaults follow notes/clinical-defaults.md; the care team may override each for one patient.
 */
public record Thresholds(BigDecimal glucoseCriticalLow, BigDecimal glucoseLow, BigDecimal glucoseHigh,
                         BigDecimal glucoseVeryHigh, BigDecimal glucoseCriticalHigh, BigDecimal fastingHigh,
                         int crisisSystolic, int crisisDiastolic, int grade3Systolic, int grade3Diastolic,
                         int grade2Systolic, int grade2Diastolic, int lowSystolic, int lowDiastolic,
                         int homeMeanSystolic, int homeMeanDiastolic, int expectedIntervalHours) {
}
