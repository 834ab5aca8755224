package com.chroniccare.alerting.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chroniccare.alerting.Thresholds;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.Violation;

/** The guideline defaults (notes/clinical-defaults.md) and the bounds within which a care team may move them. */
public final class DefaultThresholds {

    public static final Thresholds DEFAULTS = new Thresholds(mmol("3.0"), mmol("3.9"), mmol("13.9"), mmol("16.7"),
            mmol("33.3"), mmol("7.0"), 180, 120, 180, 110, 160, 100, 90, 60, 135, 85, 72);

    /**
     * Guideline cut-offs in mg/dL for the mmol/L defaults. A mg/dL reading is compared with these, not with a
     * converted value: 70 mg/dL is not hypoglycaemia, though 70 / 18.016 = 3.885 would read as below 3.9.
     */
    private static final Map<BigDecimal, BigDecimal> MG_DL = Map.of(
            mmol("3.0"), new BigDecimal("54"), mmol("3.9"), new BigDecimal("70"), mmol("13.9"), new BigDecimal("250"),
            mmol("16.7"), new BigDecimal("300"), mmol("33.3"), new BigDecimal("600"), mmol("7.0"), new BigDecimal("126"),
            mmol("4.4"), new BigDecimal("80"), mmol("10.0"), new BigDecimal("180"));

    private DefaultThresholds() {
    }

    static BigDecimal mmol(String value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** A glucose cut-off (kept in mmol/L) in the unit a reading was entered in. */
    public static BigDecimal inUnit(BigDecimal mmolCutOff, GlucoseUnit unit) {
        if (unit == GlucoseUnit.MMOL_L) {
            return mmolCutOff;
        }
        BigDecimal guideline = MG_DL.get(mmolCutOff.setScale(1, RoundingMode.HALF_UP));
        return guideline != null ? guideline
                : mmolCutOff.multiply(GlucoseUnit.MG_DL_PER_MMOL_L).setScale(0, RoundingMode.HALF_UP);
    }

    /** Rejects thresholds no clinician would set (typos, swapped fields) with one violation per problem. */
    public static List<Violation> check(Thresholds t) {
        List<Violation> v = new ArrayList<>();
        range(v, "glucoseCriticalLow", t.glucoseCriticalLow(), "2.2", "3.9");
        range(v, "glucoseLow", t.glucoseLow(), "3.0", "5.6");
        range(v, "glucoseHigh", t.glucoseHigh(), "10.0", "20.0");
        range(v, "glucoseVeryHigh", t.glucoseVeryHigh(), "13.9", "25.0");
        range(v, "glucoseCriticalHigh", t.glucoseCriticalHigh(), "20.0", "33.3");
        range(v, "fastingHigh", t.fastingHigh(), "5.6", "13.9");
        order(v, "glucoseLow", t.glucoseCriticalLow(), t.glucoseLow());
        order(v, "glucoseVeryHigh", t.glucoseHigh(), t.glucoseVeryHigh());
        order(v, "glucoseCriticalHigh", t.glucoseVeryHigh(), t.glucoseCriticalHigh());
        range(v, "crisisSystolic", t.crisisSystolic(), 160, 220);
        range(v, "crisisDiastolic", t.crisisDiastolic(), 100, 140);
        range(v, "grade3Systolic", t.grade3Systolic(), 150, 200);
        range(v, "grade3Diastolic", t.grade3Diastolic(), 95, 130);
        range(v, "grade2Systolic", t.grade2Systolic(), 140, 190);
        range(v, "grade2Diastolic", t.grade2Diastolic(), 85, 120);
        range(v, "lowSystolic", t.lowSystolic(), 70, 110);
        range(v, "lowDiastolic", t.lowDiastolic(), 40, 70);
        range(v, "homeMeanSystolic", t.homeMeanSystolic(), 115, 160);
        range(v, "homeMeanDiastolic", t.homeMeanDiastolic(), 70, 100);
        range(v, "expectedIntervalHours", t.expectedIntervalHours(), 12, 24 * 30);
        if (t.grade2Systolic() > t.grade3Systolic() || t.grade3Systolic() > t.crisisSystolic()) {
            v.add(Violation.of("grade3Systolic", "ORDER", "thresholds.order"));
        }
        if (t.grade2Diastolic() > t.grade3Diastolic() || t.grade3Diastolic() > t.crisisDiastolic()) {
            v.add(Violation.of("grade3Diastolic", "ORDER", "thresholds.order"));
        }
        return v;
    }

    private static void range(List<Violation> v, String field, BigDecimal value, String min, String max) {
        if (value == null) {
            v.add(Violation.of(field, "REQUIRED", "field.required"));
        } else if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            v.add(Violation.of(field, "OUT_OF_RANGE", "reading.out-of-range", min, max));
        }
    }

    private static void range(List<Violation> v, String field, int value, int min, int max) {
        if (value < min || value > max) {
            v.add(Violation.of(field, "OUT_OF_RANGE", "reading.out-of-range", min, max));
        }
    }

    private static void order(List<Violation> v, String field, BigDecimal lower, BigDecimal higher) {
        if (lower != null && higher != null && lower.compareTo(higher) >= 0) {
            v.add(Violation.of(field, "ORDER", "thresholds.order"));
        }
    }
}
