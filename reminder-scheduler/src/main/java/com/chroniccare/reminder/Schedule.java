package com.chroniccare.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * When a medication is taken, in the patient's time zone.
 *
 * @param timesOfDay "HH:mm" local times
 * @param daysOfWeek the days it is taken; empty or null means every day
 * @param endDate    the last day, inclusive; null means until stopped
 */
public record Schedule(List<String> timesOfDay, Set<DayOfWeek> daysOfWeek, LocalDate startDate, LocalDate endDate) {
}
