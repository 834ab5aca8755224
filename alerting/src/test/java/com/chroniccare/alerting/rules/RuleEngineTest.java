package com.chroniccare.alerting.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.Symptom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.chroniccare.alerting.rules.DefaultThresholds.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The default-threshold table of notes/clinical-defaults.md, every boundary, in the unit entered. */
class RuleEngineTest {

    private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // mmol/L: 3.0 / 3.9 / 13.9 / 16.7 / 33.3
            "2.9,  MMOL_L, GLUCOSE_LOW_LEVEL2",
            "3.0,  MMOL_L, GLUCOSE_LOW_LEVEL1",
            "3.8,  MMOL_L, GLUCOSE_LOW_LEVEL1",
            "3.9,  MMOL_L, NONE",
            "13.9, MMOL_L, NONE",
            "14.0, MMOL_L, GLUCOSE_HIGH",
            "16.6, MMOL_L, GLUCOSE_HIGH",
            "16.7, MMOL_L, GLUCOSE_VERY_HIGH",
            "33.2, MMOL_L, GLUCOSE_VERY_HIGH",
            "33.3, MMOL_L, GLUCOSE_CRITICAL_HIGH",
            // mg/dL: 54 / 70 / 250 / 300 / 600, compared as entered (70 is not low, though 70/18.016 < 3.9)
            "53,   MG_DL,  GLUCOSE_LOW_LEVEL2",
            "54,   MG_DL,  GLUCOSE_LOW_LEVEL1",
            "69,   MG_DL,  GLUCOSE_LOW_LEVEL1",
            "70,   MG_DL,  NONE",
            "250,  MG_DL,  NONE",
            "251,  MG_DL,  GLUCOSE_HIGH",
            "299,  MG_DL,  GLUCOSE_HIGH",
            "300,  MG_DL,  GLUCOSE_VERY_HIGH",
            "599,  MG_DL,  GLUCOSE_VERY_HIGH",
            "600,  MG_DL,  GLUCOSE_CRITICAL_HIGH"})
    void glucoseThresholds(String value, GlucoseUnit unit, String rule) {
        List<Finding> findings = RuleEngine.evaluate(glucose(value, unit, GlucoseContext.RANDOM, null, Set.of()), DEFAULTS, List.of());
        assertThat(findings.stream().map(Finding::rule).findFirst().orElse("NONE")).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2} {3}")
    @CsvSource({
            "181, 100, BP_CRISIS,  P1",
            "180, 121, BP_CRISIS,  P1",
            "180, 100, BP_GRADE3,  P2",
            "150, 110, BP_GRADE3,  P2",
            "179, 109, BP_GRADE2,  P3",
            "160, 90,  BP_GRADE2,  P3",
            "150, 100, BP_GRADE2,  P3",
            "159, 99,  BP_GRADE1,  P4",
            "140, 80,  BP_GRADE1,  P4",
            "139, 89,  NONE,       -",
            "89,  60,  BP_LOW,     P3",
            "100, 59,  BP_LOW,     P3",
            "90,  60,  NONE,       -"})
    void bloodPressureThresholds(int systolic, int diastolic, String rule, String severity) {
        List<Finding> findings = RuleEngine.evaluate(bp(systolic, diastolic, Set.of(), AT), DEFAULTS, List.of());
        Finding first = findings.stream().findFirst().orElse(null);
        assertThat(first == null ? "NONE" : first.rule()).isEqualTo(rule);
        assertThat(first == null ? "-" : first.severity().name()).isEqualTo(severity);
    }

    @Test
    void meterFlagsAreCriticalAndSymptomsSkipTheHold() {
        assertThat(RuleEngine.evaluate(glucose(null, GlucoseUnit.MMOL_L, GlucoseContext.RANDOM, MeterFlag.LO, Set.of()),
                DEFAULTS, List.of())).extracting(Finding::rule).containsExactly("GLUCOSE_LOW_LEVEL2");
        Finding hi = RuleEngine.evaluate(glucose(null, GlucoseUnit.MG_DL, GlucoseContext.RANDOM, MeterFlag.HI, Set.of()),
                DEFAULTS, List.of()).get(0);
        assertThat(hi.rule()).isEqualTo("GLUCOSE_CRITICAL_HIGH");
        assertThat(hi.hold()).isTrue();

        Finding crisis = RuleEngine.evaluate(bp(200, 110, Set.of(), AT), DEFAULTS, List.of()).get(0);
        assertThat(crisis.hold()).isTrue();
        assertThat(crisis.advice()).isEqualTo(Advice.REMEASURE_BP_5_MIN);
        Finding symptomatic = RuleEngine.evaluate(bp(200, 110, Set.of(Symptom.CHEST_PAIN), AT), DEFAULTS, List.of()).get(0);
        assertThat(symptomatic.hold()).isFalse();
        assertThat(symptomatic.advice()).isEqualTo(Advice.CALL_120_NOW);
        assertThat(RuleEngine.evaluate(bp(85, 55, Set.of(Symptom.DIZZINESS), AT), DEFAULTS, List.of()).get(0).severity().name())
                .isEqualTo("P2");
    }

    @Test
    void sustainedRulesNeedTheirEarlierReadings() {
        ReadingValues earlierHigh = glucoseAt("15.0", GlucoseContext.POST_MEAL_2H, AT.minus(Duration.ofHours(3))).values();
        assertThat(RuleEngine.evaluate(glucoseAt("14.5", GlucoseContext.POST_MEAL_2H, AT), DEFAULTS, List.of(earlierHigh)))
                .extracting(Finding::rule).containsExactly("GLUCOSE_HIGH_SUSTAINED");

        ReadingValues fastingYesterday = glucoseAt("7.2", GlucoseContext.FASTING, AT.minus(Duration.ofDays(1))).values();
        assertThat(RuleEngine.evaluate(glucoseAt("7.0", GlucoseContext.FASTING, AT), DEFAULTS, List.of(fastingYesterday)))
                .extracting(Finding::rule).containsExactly("FASTING_HIGH_SUSTAINED");
        assertThat(RuleEngine.evaluate(glucoseAt("7.0", GlucoseContext.FASTING, AT), DEFAULTS, List.of())).isEmpty();

        List<ReadingValues> week = List.of(bp(138, 86, Set.of(), AT.minus(Duration.ofDays(1))).values(),
                bp(136, 84, Set.of(), AT.minus(Duration.ofDays(3))).values());
        assertThat(RuleEngine.evaluate(bp(134, 88, Set.of(), AT), DEFAULTS, week)).extracting(Finding::rule)
                .containsExactly("BP_HOME_MEAN_HIGH");
    }

    @Test
    void bloodPressureGradesUseTheSessionMean() {
        ReadingValues minutesBefore = bp(150, 95, Set.of(), AT.minus(Duration.ofMinutes(5))).values();
        // A crisis is judged on the single reading; grades on the session: 180/108 alone is grade 3, but with
        // 150/95 measured five minutes before, the session mean 165/102 is grade 2.
        assertThat(RuleEngine.evaluate(bp(184, 112, Set.of(), AT), DEFAULTS, List.of(minutesBefore)))
                .extracting(Finding::rule).containsExactly("BP_CRISIS");
        assertThat(RuleEngine.evaluate(bp(182, 110, Set.of(), AT), DEFAULTS, List.of(minutesBefore)))
                .extracting(Finding::rule).containsExactly("BP_CRISIS");
        assertThat(RuleEngine.evaluate(bp(180, 108, Set.of(), AT), DEFAULTS, List.of(minutesBefore)))
                .extracting(Finding::rule).containsExactly("BP_GRADE2");
    }

    @Test
    void clearingUsesHysteresis() {
        assertThat(RuleEngine.clears(glucose("4.3", GlucoseUnit.MMOL_L, GlucoseContext.RANDOM, null, Set.of()), DEFAULTS, List.of()))
                .doesNotContain(AlertFamily.GLUCOSE_LOW);
        assertThat(RuleEngine.clears(glucose("4.4", GlucoseUnit.MMOL_L, GlucoseContext.RANDOM, null, Set.of()), DEFAULTS, List.of()))
                .contains(AlertFamily.GLUCOSE_LOW);
        assertThat(RuleEngine.clears(glucose("80", GlucoseUnit.MG_DL, GlucoseContext.RANDOM, null, Set.of()), DEFAULTS, List.of()))
                .contains(AlertFamily.GLUCOSE_LOW);
        assertThat(RuleEngine.clears(glucose("10.1", GlucoseUnit.MMOL_L, GlucoseContext.RANDOM, null, Set.of()), DEFAULTS, List.of()))
                .doesNotContain(AlertFamily.GLUCOSE_HIGH);
        assertThat(RuleEngine.clears(bp(139, 89, Set.of(), AT), DEFAULTS, List.of())).contains(AlertFamily.BP_HIGH);
        assertThat(RuleEngine.clears(bp(140, 85, Set.of(), AT), DEFAULTS, List.of())).doesNotContain(AlertFamily.BP_HIGH);
    }

    @Test
    void absurdOverridesAreRejected() {
        assertThat(DefaultThresholds.check(DEFAULTS)).isEmpty();
        var absurd = new com.chroniccare.alerting.Thresholds(new BigDecimal("3.0"), new BigDecimal("9.0"),
                new BigDecimal("13.9"), new BigDecimal("12.0"), new BigDecimal("33.3"), new BigDecimal("7.0"),
                180, 120, 180, 110, 160, 100, 90, 60, 135, 85, 72);
        assertThat(DefaultThresholds.check(absurd).stream().map(v -> v.field()).collect(Collectors.toSet()))
                .contains("glucoseLow", "glucoseVeryHigh");
    }

    private static Reading glucose(String value, GlucoseUnit unit, GlucoseContext context, MeterFlag flag, Set<Symptom> symptoms) {
        BigDecimal v = value == null ? null : new BigDecimal(value);
        return new Reading(1, 1, "c", ReadingType.GLUCOSE, AT, AT, false, v == null ? null : unit.toMmol(v), v, unit,
                context, flag, null, null, null, symptoms.isEmpty() ? Set.of() : EnumSet.copyOf(symptoms),
                ReadingSource.MANUAL, null);
    }

    private static Reading glucoseAt(String mmol, GlucoseContext context, Instant at) {
        BigDecimal v = new BigDecimal(mmol);
        return new Reading(1, 1, "c", ReadingType.GLUCOSE, at, at, false, v, v, GlucoseUnit.MMOL_L, context, null,
                null, null, null, Set.of(), ReadingSource.MANUAL, null);
    }

    private static Reading bp(int systolic, int diastolic, Set<Symptom> symptoms, Instant at) {
        return new Reading(1, 1, "c", ReadingType.BLOOD_PRESSURE, at, at, false, null, null, null, null, null,
                systolic, diastolic, 70, symptoms.isEmpty() ? Set.of() : EnumSet.copyOf(symptoms), ReadingSource.DEVICE, null);
    }
}
