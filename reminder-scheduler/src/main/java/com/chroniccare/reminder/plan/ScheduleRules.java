package com.chroniccare.reminder.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.chroniccare.core.CareException;
import com.chroniccare.core.Problem;
import com.chroniccare.core.Violation;
import com.chroniccare.reminder.PlanInput;
import com.chroniccare.reminder.Schedule;

/** Validation of medication plans and their expansion into dose instants. Pure functions. */
public final class ScheduleRules {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleRules() {
    }

    /** A dose instant and the local date it belongs to. */
    public record Occurrence(Instant dueAt, LocalDate date) {
    }

    /** Every problem with the input at once; empty when it is valid. */
    public static List<Violation> violations(PlanInput input, int maxTimesPerDay) {
        List<Violation> v = new ArrayList<>();
        text(v, "name", input.name(), 64, true);
        text(v, "dose", input.dose(), 64, true);
        text(v, "instructions", input.instructions(), 255, false);
        Schedule s = input.schedule();
        if (s == null) {
            v.add(Violation.of("schedule", "REQUIRED", "field.required"));
            return v;
        }
        List<String> times = s.timesOfDay();
        if (times == null || times.isEmpty()) {
            v.add(Violation.of("schedule.timesOfDay", "REQUIRED", "medication.times-required"));
        } else if (times.size() > maxTimesPerDay) {
            v.add(Violation.of("schedule.timesOfDay", "TOO_MANY", "medication.too-many-times", maxTimesPerDay));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < times.size(); i++) {
                String t = times.get(i);
                String field = "schedule.timesOfDay[" + i + "]";
                if (t == null || !TIME.matcher(t).matches()) {
                    v.add(Violation.of(field, "TIME_FORMAT", "medication.time-format"));
                } else if (!seen.add(t)) {
                    v.add(Violation.of(field, "DUPLICATE", "medication.time-duplicate"));
                }
            }
        }
        if (s.startDate() == null) {
            v.add(Violation.of("schedule.startDate", "REQUIRED", "field.required"));
        } else if (s.endDate() != null && s.endDate().isBefore(s.startDate())) {
            v.add(Violation.of("schedule.endDate", "END_BEFORE_START", "medication.end-before-start"));
        }
        return v;
    }

    public static void requireValid(PlanInput input, int maxTimesPerDay) {
        List<Violation> v = violations(input, maxTimesPerDay);
        if (!v.isEmpty()) {
            throw new CareException(Problem.invalid(v));
        }
    }

    /** Dose instants in {@code [from, to)}, in schedule order. */
    public static List<Occurrence> expand(Schedule s, ZoneId zone, Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        List<LocalTime> times = s.timesOfDay().stream().map(t -> LocalTime.parse(t, HH_MM)).sorted().toList();
        LocalDate first = max(s.startDate(), from.atZone(zone).toLocalDate());
        LocalDate last = s.endDate() == null ? to.atZone(zone).toLocalDate() : min(s.endDate(), to.atZone(zone).toLocalDate());
        Set<DayOfWeek> days = s.daysOfWeek() == null || s.daysOfWeek().isEmpty() ? null : s.daysOfWeek();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (days != null && !days.contains(d.getDayOfWeek())) {
                continue;
            }
            for (LocalTime t : times) {
                Instant at = ZonedDateTime.of(d, t, zone).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    out.add(new Occurrence(at, d));
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::dueAt));
        return out;
    }

    public static boolean isTime(String value) {
        return value != null && TIME.matcher(value).matches();
    }

    /** True if local time {@code t} falls in the quiet hours, which may wrap past midnight. */
    public static boolean quiet(LocalTime t, String start, String end) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        try {
            LocalTime s = LocalTime.parse(start, HH_MM);
            LocalTime e = LocalTime.parse(end, HH_MM);
            return s.isBefore(e) ? !t.isBefore(s) && t.isBefore(e) : !t.isBefore(s) || t.isBefore(e);
        } catch (DateTimeParseException ex) {
            return false;
        }
    }

    private static void text(List<Violation> v, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(Violation.of(field, "REQUIRED", "field.required"));
            }
        } else if (value.length() > max) {
            v.add(Violation.of(field, "TOO_LONG", "field.too-long", max));
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
