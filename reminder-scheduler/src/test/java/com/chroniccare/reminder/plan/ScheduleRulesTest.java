package com.chroniccare.reminder.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.chroniccare.reminder.PlanInput;
import com.chroniccare.reminder.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static Instant at(LocalDate d, String time, ZoneId zone) {
        return d.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    static List<String> codes(PlanInput input) {
        return ScheduleRules.violations(input, 6).stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void expandsEveryTimeOfEveryDayInThePatientsZone() {
        Schedule s = new Schedule(List.of("20:00", "08:00"), null, MONDAY, null);
        List<ScheduleRules.Occurrence> out = ScheduleRules.expand(s, SHANGHAI, at(MONDAY, "00:00", SHANGHAI),
                at(MONDAY.plusDays(2), "00:00", SHANGHAI));
        assertThat(out).extracting(ScheduleRules.Occurrence::dueAt).containsExactly(
                at(MONDAY, "08:00", SHANGHAI), at(MONDAY, "20:00", SHANGHAI),
                at(MONDAY.plusDays(1), "08:00", SHANGHAI), at(MONDAY.plusDays(1), "20:00", SHANGHAI));
        // 08:00 in Shanghai is 00:00 UTC on the same date; the dose belongs to the local date.
        assertThat(out.get(0).dueAt()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(out).extracting(ScheduleRules.Occurrence::date)
                .containsExactly(MONDAY, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(1));
    }

    @Test
    void aLocalDateCanStartTheDayBeforeInUtc() {
        Schedule s = new Schedule(List.of("07:30"), null, MONDAY, MONDAY);
        List<ScheduleRules.Occurrence> out = ScheduleRules.expand(s, SHANGHAI, Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(out).containsExactly(new ScheduleRules.Occurrence(Instant.parse("2026-11-22T23:30:00Z"), MONDAY));
    }

    @Test
    void onlyOnTheChosenDaysOfWeek() {
        Schedule s = new Schedule(List.of("09:00"), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), MONDAY, null);
        List<ScheduleRules.Occurrence> out = ScheduleRules.expand(s, SHANGHAI, at(MONDAY, "00:00", SHANGHAI),
                at(MONDAY.plusDays(14), "00:00", SHANGHAI));
        assertThat(out).extracting(o -> o.date().getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void startAndEndDatesAreInclusiveAndBoundTheWindow() {
        Schedule s = new Schedule(List.of("08:00"), null, MONDAY.plusDays(1), MONDAY.plusDays(3));
        List<ScheduleRules.Occurrence> out = ScheduleRules.expand(s, SHANGHAI, at(MONDAY, "00:00", SHANGHAI),
                at(MONDAY.plusDays(10), "00:00", SHANGHAI));
        assertThat(out).extracting(ScheduleRules.Occurrence::date)
                .containsExactly(MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3));
    }

    @Test
    void theWindowIsHalfOpenSoConsecutiveWindowsNeverRepeatADose() {
        Schedule s = new Schedule(List.of("08:00", "12:00", "18:00"), null, MONDAY, null);
        Instant from = at(MONDAY, "00:00", SHANGHAI);
        Instant cut = at(MONDAY, "12:00", SHANGHAI);
        Instant to = at(MONDAY.plusDays(1), "00:00", SHANGHAI);
        List<ScheduleRules.Occurrence> first = ScheduleRules.expand(s, SHANGHAI, from, cut);
        List<ScheduleRules.Occurrence> second = ScheduleRules.expand(s, SHANGHAI, cut, to);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(2).first().extracting(ScheduleRules.Occurrence::dueAt).isEqualTo(cut);
        assertThat(ScheduleRules.expand(s, SHANGHAI, to, from)).isEmpty();
    }

    @Test
    void aValidPlanHasNoViolations() {
        assertThat(codes(new PlanInput("二甲双胍", "500mg", null,
                new Schedule(List.of("08:00", "20:00"), Set.of(DayOfWeek.MONDAY), MONDAY, MONDAY)))).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsField() {
        assertThat(codes(new PlanInput(" ", null, "x".repeat(256),
                new Schedule(List.of("8:00", "24:00", "08:00", "08:00"), null, MONDAY, MONDAY.minusDays(1)))))
                .containsExactly("name:REQUIRED", "dose:REQUIRED", "instructions:TOO_LONG",
                        "schedule.timesOfDay[0]:TIME_FORMAT", "schedule.timesOfDay[1]:TIME_FORMAT",
                        "schedule.timesOfDay[3]:DUPLICATE", "schedule.endDate:END_BEFORE_START");
    }

    @Test
    void needsTimesAndAStartDateAndCapsTimesPerDay() {
        assertThat(codes(new PlanInput("a", "b", null, new Schedule(List.of(), null, null, null))))
                .containsExactly("schedule.timesOfDay:REQUIRED", "schedule.startDate:REQUIRED");
        assertThat(codes(new PlanInput("a", "b", null, new Schedule(
                List.of("01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"), null, MONDAY, null))))
                .containsExactly("schedule.timesOfDay:TOO_MANY");
        assertThat(codes(new PlanInput("a", "b", null, null))).containsExactly("schedule:REQUIRED");
    }

    @ParameterizedTest
    @CsvSource({
            "22:00, 22:00, 07:00, true",
            "23:59, 22:00, 07:00, true",
            "00:00, 22:00, 07:00, true",
            "06:59, 22:00, 07:00, true",
            "07:00, 22:00, 07:00, false",
            "21:59, 22:00, 07:00, false",
            "13:00, 12:00, 14:00, true",
            "14:00, 12:00, 14:00, false",
            "11:59, 12:00, 14:00, false",
            "03:00, 05:00, 05:00, false"})
    void quietHoursMayWrapPastMidnight(String time, String start, String end, boolean quiet) {
        assertThat(ScheduleRules.quiet(LocalTime.parse(time), start, end)).isEqualTo(quiet);
    }

    @Test
    void noQuietHoursWhenUnset() {
        assertThat(ScheduleRules.quiet(LocalTime.NOON, null, null)).isFalse();
    }

}
