package com.chroniccare.reminder.dose;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chroniccare.reminder.DoseStatus;

/** Adherence streaks. Pure. */
public final class Streaks {

    private Streaks() {
    }

    /** A streak: its length in days and its first day (null without one), stable while the streak goes on. */
    public record Run(int days, LocalDate since) {
    }

    /**
     * Days in a row, back from {@code today}, on which every dose was taken. A day with a skipped or missed dose ends
     * the streak; a day whose doses are still open (today, usually) neither counts nor ends it; days with no dose
     * scheduled are passed over.
     */
    public static Run run(List<DoseDO> doses, LocalDate today) {
        Map<LocalDate, int[]> byDay = new TreeMap<>(Comparator.reverseOrder());
        for (DoseDO d : doses) {
            if (d.localDate.isAfter(today)) {
                continue;
            }
            int[] c = byDay.computeIfAbsent(d.localDate, k -> new int[3]);
            c[d.status == DoseStatus.TAKEN ? 0 : open(d.status) ? 1 : 2]++;
        }
        int streak = 0;
        LocalDate since = null;
        for (Map.Entry<LocalDate, int[]> day : byDay.entrySet()) {
            int[] c = day.getValue();
            if (c[2] > 0) {
                break;
            }
            if (c[1] == 0) {
                streak++;
                since = day.getKey();
            }
        }
        return new Run(streak, since);
    }

    static boolean open(DoseStatus s) {
        return s == DoseStatus.SCHEDULED || s == DoseStatus.SENT || s == DoseStatus.SNOOZED;
    }
}
