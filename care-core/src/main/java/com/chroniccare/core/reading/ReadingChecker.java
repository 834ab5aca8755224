package com.chroniccare.core.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.Violation;
import com.chroniccare.core.config.CoreProperties;

/**
 * Structural and plausibility checks of one reading (notes/clinical-defaults.md, "Plausibility"). Glucose is
 * judged in the unit it was entered in, so boundary values are not shifted by conversion.
 */
final class ReadingChecker {

    private static final int MAX_CLIENT_ID = 64;
    static final int MAX_NOTE = 500;

    private final CoreProperties.Readings limits;

    ReadingChecker(CoreProperties.Readings limits) {
        this.limits = limits;
    }

    /** The meter's measuring range per unit: values outside it are shown as LO/HI, never as numbers. */
    enum MeterRange {
        MMOL_L(new BigDecimal("0.6"), new BigDecimal("33.3")),
        MG_DL(new BigDecimal("10"), new BigDecimal("600"));

        final BigDecimal low;
        final BigDecimal high;

        MeterRange(BigDecimal low, BigDecimal high) {
            this.low = low;
            this.high = high;
        }

        static MeterRange of(GlucoseUnit unit) {
            return unit == GlucoseUnit.MMOL_L ? MMOL_L : MG_DL;
        }
    }

    /** Returns the reason to reject the reading, or null if it may be stored. */
    Problem check(ReadingInput in, Instant now) {
        List<Violation> structural = structure(in);
        if (!structural.isEmpty()) {
            return Problem.invalid(structural);
        }
        if (in.measuredAt().isAfter(now.plus(limits.futureTolerance()))) {
            return new Problem(ProblemCode.READING_IN_FUTURE, "reading.in-future", List.of(), List.of(
                    Violation.of("measuredAt", "IN_FUTURE", "reading.in-future")));
        }
        if (in.measuredAt().isBefore(now.minus(limits.maxAge()))) {
            return new Problem(ProblemCode.READING_TOO_OLD, "reading.too-old", List.of(limits.maxAge().toDays()),
                    List.of(Violation.of("measuredAt", "TOO_OLD", "reading.too-old", limits.maxAge().toDays())));
        }
        List<Violation> implausible = in.type() == ReadingType.GLUCOSE ? glucose(in.glucose()) : bloodPressure(in.bloodPressure());
        return implausible.isEmpty() ? null
                : new Problem(ProblemCode.READING_IMPLAUSIBLE, "reading.implausible", List.of(), implausible);
    }

    /**
     * 1–64 of [A-Za-z0-9_-]. A loop, not a regex: it runs twice for each of up to 500 readings per request, and
     * the regex showed up in profiles of the batch path.
     */
    static boolean validClientId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_CLIENT_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static List<Violation> structure(ReadingInput in) {
        List<Violation> v = new ArrayList<>();
        if (!validClientId(in.clientId())) {
            v.add(Violation.of("clientId", "INVALID", "reading.client-id"));
        }
        if (in.measuredAt() == null) {
            v.add(Violation.of("measuredAt", "REQUIRED", "field.required"));
        }
        if (in.note() != null && in.note().length() > MAX_NOTE) {
            v.add(Violation.of("note", "TOO_LONG", "field.too-long", MAX_NOTE));
        }
        if (in.type() == null) {
            v.add(Violation.of("type", "REQUIRED", "field.required"));
        } else if (in.type() == ReadingType.GLUCOSE) {
            if (in.glucose() == null || in.bloodPressure() != null) {
                v.add(Violation.of("glucose", "TYPE_MISMATCH", "reading.glucose-expected"));
            } else {
                if (in.glucose().unit() == null) {
                    v.add(Violation.of("glucose.unit", "REQUIRED", "field.required"));
                }
                if (in.glucose().value() == null && in.glucose().flag() == null) {
                    v.add(Violation.of("glucose.value", "REQUIRED", "reading.glucose-value-or-flag"));
                }
            }
        } else if (in.bloodPressure() == null || in.glucose() != null) {
            v.add(Violation.of("bloodPressure", "TYPE_MISMATCH", "reading.bp-expected"));
        } else {
            if (in.bloodPressure().systolic() == null) {
                v.add(Violation.of("bloodPressure.systolic", "REQUIRED", "field.required"));
            }
            if (in.bloodPressure().diastolic() == null) {
                v.add(Violation.of("bloodPressure.diastolic", "REQUIRED", "field.required"));
            }
        }
        return v;
    }

    private static List<Violation> glucose(ReadingInput.Glucose g) {
        // A LO/HI reading is censored at the meter's limit; a number sent alongside it is not judged.
        if (g.value() == null || g.flag() != null) {
            return List.of();
        }
        MeterRange range = MeterRange.of(g.unit());
        BigDecimal value = g.value();
        String field = "glucose.value";
        if (g.unit() == GlucoseUnit.MMOL_L && value.compareTo(new BigDecimal("34")) >= 0
                && value.compareTo(new BigDecimal("600")) <= 0) {
            return List.of(Violation.of(field, "UNIT_MIXUP", "reading.glucose-looks-mg-dl", value));
        }
        if (g.unit() == GlucoseUnit.MG_DL && value.signum() > 0 && value.compareTo(BigDecimal.TEN) < 0) {
            return List.of(Violation.of(field, "UNIT_MIXUP", "reading.glucose-looks-mmol", value));
        }
        if (value.compareTo(range.low) < 0) {
            return List.of(Violation.of(field, "BELOW_METER_RANGE", "reading.glucose-below-range", range.low, g.unit()));
        }
        if (value.compareTo(range.high) > 0) {
            return List.of(Violation.of(field, "ABOVE_METER_RANGE", "reading.glucose-above-range", range.high, g.unit()));
        }
        return List.of();
    }

    private static List<Violation> bloodPressure(ReadingInput.BloodPressure bp) {
        List<Violation> v = new ArrayList<>();
        int sys = bp.systolic();
        int dia = bp.diastolic();
        if (sys < 50 || sys > 260) {
            v.add(Violation.of("bloodPressure.systolic", "OUT_OF_RANGE", "reading.out-of-range", 50, 260));
        }
        if (dia < 30 || dia > 160) {
            v.add(Violation.of("bloodPressure.diastolic", "OUT_OF_RANGE", "reading.out-of-range", 30, 160));
        }
        if (sys <= dia) {
            v.add(Violation.of("bloodPressure", "SWAPPED", "reading.bp-swapped"));
        } else if (sys - dia < 10) {
            v.add(Violation.of("bloodPressure", "PULSE_PRESSURE_TOO_NARROW", "reading.bp-narrow"));
        }
        if (bp.pulse() != null && (bp.pulse() < 30 || bp.pulse() > 220)) {
            v.add(Violation.of("bloodPressure.pulse", "OUT_OF_RANGE", "reading.out-of-range", 30, 220));
        }
        return v;
    }
}
