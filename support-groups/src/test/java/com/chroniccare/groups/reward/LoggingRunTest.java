package com.chroniccare.groups.reward;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingRunTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    static SortedSet<LocalDate> days(int... offsets) {
        TreeSet<LocalDate> set = new TreeSet<>();
        IntStream.of(offsets).forEach(o -> set.add(DAY.plusDays(o)));
        return set;
    }

    @Test
    void aRunStretchesBothWaysFromTheDayOfTheReading() {
        assertThat(Rewards.runAround(days(-3, -2, -1, 0, 1, 2, 3), DAY)).isEqualTo(new Rewards.Run(7, DAY.minusDays(3)));
    }

    @Test
    void aGapEndsIt() {
        assertThat(Rewards.runAround(days(-8, -7, -5, -4, -3, -2, -1, 0), DAY)).isEqualTo(new Rewards.Run(6, DAY.minusDays(5)));
    }

    @Test
    void aLateBackFilledReadingThatFillsTheGapJoinsTheTwoRunsUnderTheEarlierStart() {
        // Days -6..-4 and -2..0 were logged; the reading measured on day -3 arrives late and completes 7 days.
        Rewards.Run joined = Rewards.runAround(days(-6, -5, -4, -3, -2, -1, 0), DAY.minusDays(3));
        assertThat(joined).isEqualTo(new Rewards.Run(7, DAY.minusDays(6)));
        // The same streak seen from its last day has the same start, so its reward is keyed the same.
        assertThat(Rewards.runAround(days(-6, -5, -4, -3, -2, -1, 0), DAY).since()).isEqualTo(joined.since());
    }

    @Test
    void aSingleDayIsARunOfOne() {
        assertThat(Rewards.runAround(days(0), DAY)).isEqualTo(new Rewards.Run(1, DAY));
    }
}
