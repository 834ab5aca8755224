package com.chroniccare.reminder.dose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.chroniccare.reminder.DoseStatus;
import org.junit.jupiter.api.Test;

import static com.chroniccare.reminder.DoseStatus.MISSED;
import static com.chroniccare.reminder.DoseStatus.SCHEDULED;
import static com.chroniccare.reminder.DoseStatus.SENT;
import static com.chroniccare.reminder.DoseStatus.SKIPPED;
import static com.chroniccare.reminder.DoseStatus.TAKEN;
import static org.assertj.core.api.Assertions.assertThat;

class StreaksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    final List<DoseDO> doses = new ArrayList<>();

    void on(int daysAgo, DoseStatus... statuses) {
        for (DoseStatus s : statuses) {
            DoseDO d = new DoseDO();
            d.localDate = TODAY.minusDays(daysAgo);
            d.status = s;
            doses.add(d);
        }
    }

    @Test
    void countsDaysOnWhichEveryDoseWasTaken() {
        on(3, TAKEN, TAKEN);
        on(2, TAKEN, TAKEN);
        on(1, TAKEN, TAKEN);
        on(0, TAKEN, TAKEN);
        assertThat(Streaks.run(doses, TODAY)).isEqualTo(new Streaks.Run(4, TODAY.minusDays(3)));
    }

    @Test
    void aMissedOrSkippedDoseEndsTheStreak() {
        on(3, TAKEN);
        on(2, TAKEN, MISSED);
        on(1, TAKEN);
        assertThat(Streaks.run(doses, TODAY).days()).isEqualTo(1);
        on(0, SKIPPED);
        assertThat(Streaks.run(doses, TODAY).days()).isZero();
    }

    @Test
    void todaysOpenDosesNeitherCountNorBreakIt() {
        on(2, TAKEN);
        on(1, TAKEN);
        on(0, TAKEN, SENT, SCHEDULED);
        // The streak began on the same day whether or not today is complete yet: a reward keyed on it stays once.
        assertThat(Streaks.run(doses, TODAY)).isEqualTo(new Streaks.Run(2, TODAY.minusDays(2)));
    }

    @Test
    void daysWithoutDosesArePassedOver() {
        on(6, TAKEN);
        on(3, TAKEN);
        on(0, TAKEN);
        assertThat(Streaks.run(doses, TODAY).days()).isEqualTo(3);
    }

    @Test
    void futureDosesAreIgnoredAndNoDosesMeanNoStreak() {
        assertThat(Streaks.run(doses, TODAY)).isEqualTo(new Streaks.Run(0, null));
        on(-1, MISSED);
        on(0, TAKEN);
        assertThat(Streaks.run(doses, TODAY).days()).isEqualTo(1);
    }
}
