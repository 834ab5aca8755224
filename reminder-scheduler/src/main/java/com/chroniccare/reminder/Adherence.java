package com.chroniccare.reminder;

import java.time.LocalDate;

/**
 * Adherence to one medication over a period: doses whose outcome is known (taken, skipped or missed), the share
 * taken (null with none known yet), and the current streak of days on which every dose was taken, with its first day.
 */
public record Adherence(long planId, String medication, PlanStatus status, int decided, int taken,
                        Double takenShare, int streakDays, LocalDate streakSince) {
}
