package com.chroniccare.core;

import java.time.Instant;
import java.util.List;

/**
 * Readings of one patient were accepted, all in one transaction (a request's batch; an offline phone syncs up to
 * 500 at once). Published through the event publication log, so listeners see them at least once even across a
 * crash. One event per batch rather than per reading, and only what identifies each reading: the log stores and
 * serialises the event once per listener, which for whole readings cost more than storing the readings.
 */
public record ReadingsRecorded(long patientId, List<Item> readings) {

    /** A stored reading; {@code lateBackfill} marks one recorded offline and synced late. */
    public record Item(long id, ReadingType type, Instant measuredAt, boolean lateBackfill) {
    }

    public List<Long> readingIds() {
        return readings.stream().map(Item::id).toList();
    }
}
