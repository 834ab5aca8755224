package com.chroniccare.core.reading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.config.CoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The plausibility table of notes/clinical-defaults.md, boundary by boundary, in the unit entered. */
class ReadingCheckerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private final ReadingChecker checker = new ReadingChecker(
            new CoreProperties.Readings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofDays(365)));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "0.59, MMOL_L, BELOW_METER_RANGE",
            "0.6,  MMOL_L, OK",
            "33.3, MMOL_L, OK",
            "33.4, MMOL_L, ABOVE_METER_RANGE",
            "34,   MMOL_L, UNIT_MIXUP",
            "126,  MMOL_L, UNIT_MIXUP",
            "600,  MMOL_L, UNIT_MIXUP",
            "601,  MMOL_L, ABOVE_METER_RANGE",
            "9.9,  MG_DL,  UNIT_MIXUP",
            "5.6,  MG_DL,  UNIT_MIXUP",
            "10,   MG_DL,  OK",
            "600,  MG_DL,  OK",
            "601,  MG_DL,  ABOVE_METER_RANGE",
            "0,    MG_DL,  BELOW_METER_RANGE"})
    void glucosePlausibility(String value, GlucoseUnit unit, String expected) {
        Problem problem = checker.check(glucose(new BigDecimal(value), unit, null), NOW);
        if (expected.equals("OK")) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem.code()).isEqualTo(ProblemCode.READING_IMPLAUSIBLE);
            assertThat(problem.violations().get(0).code()).isEqualTo(expected);
        }
    }

    @Test
    void meterFlagsNeedNoValue() {
        assertThat(checker.check(glucose(null, GlucoseUnit.MMOL_L, MeterFlag.HI), NOW)).isNull();
        assertThat(checker.check(glucose(null, GlucoseUnit.MMOL_L, null), NOW).code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
    }

    @ParameterizedTest(name = "{0}/{1} pulse {2} -> {3}")
    @CsvSource({
            "120, 80,  70,  OK",
            "50,  30,  ,    OK",
            "49,  30,  ,    OUT_OF_RANGE",
            "260, 160, ,    OK",
            "261, 120, ,    OUT_OF_RANGE",
            "250, 161, ,    OUT_OF_RANGE",
            "190, 130, ,    OK",
            "80,  120, ,    SWAPPED",
            "120, 120, ,    SWAPPED",
            "100, 91,  ,    PULSE_PRESSURE_TOO_NARROW",
            "100, 90,  ,    OK",
            "120, 80,  29,  OUT_OF_RANGE",
            "120, 80,  220, OK",
            "120, 80,  221, OUT_OF_RANGE"})
    void bloodPressurePlausibility(int systolic, int diastolic, Integer pulse, String expected) {
        Problem problem = checker.check(new ReadingInput("c1", ReadingType.BLOOD_PRESSURE, NOW, null,
                new ReadingInput.BloodPressure(systolic, diastolic, pulse), Set.of(), ReadingSource.DEVICE, null), NOW);
        if (expected.equals("OK")) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem.violations()).extracting(v -> v.code()).contains(expected);
        }
    }

    @Test
    void timeLimits() {
        assertThat(checker.check(at(NOW.plus(Duration.ofMinutes(5))), NOW)).isNull();
        assertThat(checker.check(at(NOW.plus(Duration.ofMinutes(6))), NOW).code()).isEqualTo(ProblemCode.READING_IN_FUTURE);
        assertThat(checker.check(at(NOW.minus(Duration.ofDays(364))), NOW)).isNull();
        assertThat(checker.check(at(NOW.minus(Duration.ofDays(366))), NOW).code()).isEqualTo(ProblemCode.READING_TOO_OLD);
    }

    @Test
    void structure() {
        ReadingInput noClientId = new ReadingInput(" ", ReadingType.GLUCOSE, NOW,
                new ReadingInput.Glucose(BigDecimal.ONE, GlucoseUnit.MMOL_L, null, null), null, Set.of(), null, null);
        assertThat(checker.check(noClientId, NOW).violations()).extracting(v -> v.field()).containsExactly("clientId");
        ReadingInput both = new ReadingInput("c1", ReadingType.GLUCOSE, NOW,
                new ReadingInput.Glucose(BigDecimal.ONE, GlucoseUnit.MMOL_L, null, null),
                new ReadingInput.BloodPressure(120, 80, null), Set.of(), null, null);
        assertThat(checker.check(both, NOW).violations()).extracting(v -> v.code()).containsExactly("TYPE_MISMATCH");
    }

    @Test
    void clientIdsAreOneTo64LettersDigitsDashesOrUnderscores() {
        assertThat(ReadingChecker.validClientId("a")).isTrue();
        assertThat(ReadingChecker.validClientId("Az09_-" + "x".repeat(58))).isTrue();
        assertThat(ReadingChecker.validClientId("x".repeat(65))).isFalse();
        assertThat(ReadingChecker.validClientId("")).isFalse();
        assertThat(ReadingChecker.validClientId(null)).isFalse();
        for (String bad : new String[] {"a b", "a.b", "a/b", "读数", "a\n", "a'"}) {
            assertThat(ReadingChecker.validClientId(bad)).as(bad).isFalse();
        }
    }

    @Test
    void mgPerDlConvertsAtTheDocumentedFactor() {
        assertThat(GlucoseUnit.MG_DL.toMmol(new BigDecimal("70"))).isEqualByComparingTo("3.89");
        assertThat(GlucoseUnit.MG_DL.toMmol(new BigDecimal("54"))).isEqualByComparingTo("3.00");
        assertThat(GlucoseUnit.MMOL_L.toMmol(new BigDecimal("5.555"))).isEqualByComparingTo("5.56");
    }

    private static ReadingInput glucose(BigDecimal value, GlucoseUnit unit, MeterFlag flag) {
        return new ReadingInput("c1", ReadingType.GLUCOSE, NOW, new ReadingInput.Glucose(value, unit,
                GlucoseContext.FASTING, flag), null, Set.of(), ReadingSource.MANUAL, null);
    }

    private static ReadingInput at(Instant measuredAt) {
        return new ReadingInput("c1", ReadingType.BLOOD_PRESSURE, measuredAt, null,
                new ReadingInput.BloodPressure(120, 80, null), Set.of(), ReadingSource.MANUAL, null);
    }
}
