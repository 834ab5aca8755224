package com.chroniccare.alerting;

import java.time.LocalTime;

/**
 * How a care team is paged: repeat intervals while unacknowledged, how long a tier has to acknowledge before the
 * next tier is paged, when an acknowledged but unresolved P1/P2 pages again, and the night when P3 waits.
 */
public record TeamPolicy(int p1RepeatMinutes, int p2RepeatMinutes, int ackTimeoutMinutes, int reackMinutes,
                         LocalTime nightStart, LocalTime nightEnd) {
}
