package com.chroniccare.alerting.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.Thresholds;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.Symptom;

/**
 * The default alert rules of notes/clinical-defaults.md as a pure function of one reading, the patient's
 * thresholds and their earlier readings of the same type (newest first, up to 7 days back). No I/O, no clock.
 */
public final class RuleEngine {

    /** Symptoms of target-organ damage: a BP crisis with any of them skips the hold and means "call 120". */
    static final Set<Symptom> CRISIS_SYMPTOMS = EnumSet.of(Symptom.CHEST_PAIN, Symptom.SHORTNESS_OF_BREATH,
            Symptom.SEVERE_HEADACHE, Symptom.VISION_CHANGE, Symptom.WEAKNESS_NUMBNESS, Symptom.CONFUSION);
    static final Set<Symptom> HYPOTENSION_SYMPTOMS = EnumSet.of(Symptom.DIZZINESS, Symptom.FAINTING);
    /** Readings this close before a BP reading belong to its measuring session (the guideline's averaged repeat). */
    static final Duration SESSION = Duration.ofMinutes(15);
    static final Duration SUSTAINED_WINDOW = Duration.ofHours(24);
    static final int MIN_HOME_READINGS = 3;
    /** Hysteresis (meter accuracy, ISO 15197): a low clears only at >= 4.4 mmol/L, a high only at <= 10.0. */
    static final BigDecimal LOW_CLEARS_AT = DefaultThresholds.mmol("4.4");
    static final BigDecimal HIGH_CLEARS_AT = DefaultThresholds.mmol("10.0");

    private RuleEngine() {
    }

    public static List<Finding> evaluate(Reading r, Thresholds t, List<ReadingValues> earlier) {
        return r.type() == ReadingType.GLUCOSE ? glucose(r, t, earlier) : bloodPressure(r, t, earlier);
    }

    /**
     * Whether the earlier readings can change the outcome for this one: only sustained rules, the BP session mean
     * and the 7-day home mean use them, and each needs this reading itself to be high (or a trend to clear).
     * Most readings are in range, and skipping the history query for them halves the cost of evaluation.
     */
    public static boolean needsHistory(Reading r, Thresholds t, Set<AlertFamily> unresolved) {
        if (r.type() == ReadingType.GLUCOSE) {
            GlucoseUnit u = r.glucoseUnit();
            return r.glucoseFlag() == MeterFlag.HI || above(r.glucoseValue(), t.glucoseHigh(), u)
                    || (r.glucoseContext() == GlucoseContext.FASTING && atLeast(r.glucoseValue(), t.fastingHigh(), u));
        }
        return r.systolic() >= t.homeMeanSystolic() || r.diastolic() >= t.homeMeanDiastolic()
                || unresolved.contains(AlertFamily.BP_TREND);
    }

    /** The families this reading shows to be back in range, with hysteresis. */
    public static Set<AlertFamily> clears(Reading r, Thresholds t, List<ReadingValues> earlier) {
        Set<AlertFamily> cleared = EnumSet.noneOf(AlertFamily.class);
        if (r.type() == ReadingType.GLUCOSE) {
            if (r.glucoseFlag() == null) {
                GlucoseUnit u = r.glucoseUnit();
                if (r.glucoseValue().compareTo(DefaultThresholds.inUnit(LOW_CLEARS_AT, u)) >= 0) {
                    cleared.add(AlertFamily.GLUCOSE_LOW);
                }
                if (r.glucoseValue().compareTo(DefaultThresholds.inUnit(HIGH_CLEARS_AT, u)) <= 0) {
                    cleared.add(AlertFamily.GLUCOSE_HIGH);
                }
                if (r.glucoseContext() == GlucoseContext.FASTING
                        && r.glucoseValue().compareTo(DefaultThresholds.inUnit(t.fastingHigh(), u)) < 0) {
                    cleared.add(AlertFamily.FASTING_HIGH);
                }
            }
        } else {
            if (r.systolic() < 140 && r.diastolic() < 90) {
                cleared.add(AlertFamily.BP_HIGH);
            }
            if (r.systolic() >= t.lowSystolic() + 10 && r.diastolic() >= t.lowDiastolic() + 5) {
                cleared.add(AlertFamily.BP_LOW);
            }
            int[] mean = homeMean(r, earlier);
            if (mean != null && mean[0] < t.homeMeanSystolic() - 5 && mean[1] < t.homeMeanDiastolic() - 5) {
                cleared.add(AlertFamily.BP_TREND);
            }
        }
        cleared.add(AlertFamily.MISSED_MEASUREMENT);
        return cleared;
    }

    private static List<Finding> glucose(Reading r, Thresholds t, List<ReadingValues> earlier) {
        List<Finding> findings = new ArrayList<>();
        GlucoseUnit u = r.glucoseUnit();
        BigDecimal v = r.glucoseValue();
        boolean symptoms = !r.symptoms().isEmpty();
        boolean lo = r.glucoseFlag() == MeterFlag.LO;
        boolean hi = r.glucoseFlag() == MeterFlag.HI;
        if (lo || below(v, t.glucoseCriticalLow(), u)) {
            findings.add(new Finding(AlertFamily.GLUCOSE_LOW, "GLUCOSE_LOW_LEVEL2", Severity.P1, false,
                    r.symptoms().contains(Symptom.CONFUSION) || r.symptoms().contains(Symptom.FAINTING)
                            ? Advice.CALL_120_NOW : Advice.TREAT_LOW_RECHECK_15_MIN));
        } else if (!hi && below(v, t.glucoseLow(), u)) {
            findings.add(new Finding(AlertFamily.GLUCOSE_LOW, "GLUCOSE_LOW_LEVEL1", Severity.P2, false,
                    Advice.TREAT_LOW_RECHECK_15_MIN));
        } else if (hi || atLeast(v, t.glucoseCriticalHigh(), u)) {
            findings.add(new Finding(AlertFamily.GLUCOSE_HIGH, "GLUCOSE_CRITICAL_HIGH", Severity.P1, !symptoms,
                    symptoms ? Advice.CALL_120_NOW : Advice.RETEST_GLUCOSE));
        } else if (atLeast(v, t.glucoseVeryHigh(), u)) {
            findings.add(new Finding(AlertFamily.GLUCOSE_HIGH, "GLUCOSE_VERY_HIGH", Severity.P2, !symptoms,
                    symptoms ? Advice.CONTACT_CARE_TEAM_TODAY : Advice.RETEST_GLUCOSE));
        } else if (above(v, t.glucoseHigh(), u)) {
            boolean sustained = earlier.stream().filter(e -> within(e, r, SUSTAINED_WINDOW)).findFirst()
                    .map(e -> e.glucoseFlag() == MeterFlag.HI || above(e.glucoseValue(), t.glucoseHigh(), e.glucoseUnit()))
                    .orElse(false);
            findings.add(sustained || symptoms
                    ? new Finding(AlertFamily.GLUCOSE_HIGH, "GLUCOSE_HIGH_SUSTAINED", Severity.P2, false, Advice.CONTACT_CARE_TEAM_TODAY)
                    : new Finding(AlertFamily.GLUCOSE_HIGH, "GLUCOSE_HIGH", Severity.P3, false, Advice.RETEST_GLUCOSE));
        }
        if (r.glucoseContext() == GlucoseContext.FASTING && (hi || atLeast(v, t.fastingHigh(), u))) {
            boolean previousFastingHigh = earlier.stream()
                    .filter(e -> e.glucoseContext() == GlucoseContext.FASTING).findFirst()
                    .map(e -> e.glucoseFlag() == MeterFlag.HI || atLeast(e.glucoseValue(), t.fastingHigh(), e.glucoseUnit()))
                    .orElse(false);
            if (previousFastingHigh) {
                findings.add(new Finding(AlertFamily.FASTING_HIGH, "FASTING_HIGH_SUSTAINED", Severity.P3, false,
                        Advice.DISCUSS_AT_NEXT_VISIT));
            }
        }
        return findings;
    }

    private static List<Finding> bloodPressure(Reading r, Thresholds t, List<ReadingValues> earlier) {
        List<Finding> findings = new ArrayList<>();
        int sys = r.systolic();
        int dia = r.diastolic();
        boolean organSymptoms = r.symptoms().stream().anyMatch(CRISIS_SYMPTOMS::contains);
        // Grades 2 and 3 are judged on the mean of the measuring session, as the guidelines average repeats.
        List<ReadingValues> session = new ArrayList<>(List.of(r.values()));
        earlier.stream().filter(e -> within(e, r, SESSION)).forEach(session::add);
        double meanSys = session.stream().mapToInt(ReadingValues::systolic).average().orElse(sys);
        double meanDia = session.stream().mapToInt(ReadingValues::diastolic).average().orElse(dia);
        if (sys > t.crisisSystolic() || dia > t.crisisDiastolic()) {
            findings.add(new Finding(AlertFamily.BP_HIGH, "BP_CRISIS", Severity.P1, !organSymptoms,
                    organSymptoms ? Advice.CALL_120_NOW : Advice.REMEASURE_BP_5_MIN));
        } else if (meanSys >= t.grade3Systolic() || meanDia >= t.grade3Diastolic()) {
            findings.add(new Finding(AlertFamily.BP_HIGH, "BP_GRADE3", Severity.P2, false,
                    organSymptoms ? Advice.CALL_120_NOW : Advice.CONTACT_CARE_TEAM_TODAY));
        } else if (meanSys >= t.grade2Systolic() || meanDia >= t.grade2Diastolic()) {
            findings.add(new Finding(AlertFamily.BP_HIGH, "BP_GRADE2", Severity.P3, false, Advice.DISCUSS_AT_NEXT_VISIT));
        } else if (sys >= 140 || dia >= 90) {
            findings.add(new Finding(AlertFamily.BP_HIGH, "BP_GRADE1", Severity.P4, false, Advice.DISCUSS_AT_NEXT_VISIT));
        }
        if (sys < t.lowSystolic() || dia < t.lowDiastolic()) {
            boolean faint = r.symptoms().stream().anyMatch(HYPOTENSION_SYMPTOMS::contains);
            findings.add(new Finding(AlertFamily.BP_LOW, "BP_LOW", faint ? Severity.P2 : Severity.P3, false,
                    faint ? Advice.CONTACT_CARE_TEAM_TODAY : Advice.REMEASURE_BP_5_MIN));
        }
        int[] mean = homeMean(r, earlier);
        if (mean != null && (mean[0] >= t.homeMeanSystolic() || mean[1] >= t.homeMeanDiastolic())) {
            findings.add(new Finding(AlertFamily.BP_TREND, "BP_HOME_MEAN_HIGH", Severity.P3, false,
                    Advice.DISCUSS_AT_NEXT_VISIT));
        }
        return findings;
    }

    /** The 7-day home blood-pressure mean including this reading, or null with too few readings to judge. */
    private static int[] homeMean(Reading r, List<ReadingValues> earlier) {
        List<ReadingValues> week = new ArrayList<>(List.of(r.values()));
        earlier.stream().filter(e -> within(e, r, Duration.ofDays(7))).forEach(week::add);
        if (week.size() < MIN_HOME_READINGS) {
            return null;
        }
        return new int[]{(int) Math.round(week.stream().mapToInt(ReadingValues::systolic).average().orElseThrow()),
                (int) Math.round(week.stream().mapToInt(ReadingValues::diastolic).average().orElseThrow())};
    }

    private static boolean within(ReadingValues earlier, Reading r, Duration window) {
        return !earlier.measuredAt().isAfter(r.measuredAt())
                && Duration.between(earlier.measuredAt(), r.measuredAt()).compareTo(window) <= 0;
    }

    private static boolean below(BigDecimal value, BigDecimal mmolCutOff, GlucoseUnit unit) {
        return value != null && value.compareTo(DefaultThresholds.inUnit(mmolCutOff, unit)) < 0;
    }

    private static boolean above(BigDecimal value, BigDecimal mmolCutOff, GlucoseUnit unit) {
        return value != null && value.compareTo(DefaultThresholds.inUnit(mmolCutOff, unit)) > 0;
    }

    private static boolean atLeast(BigDecimal value, BigDecimal mmolCutOff, GlucoseUnit unit) {
        return value != null && value.compareTo(DefaultThresholds.inUnit(mmolCutOff, unit)) >= 0;
    }
}
