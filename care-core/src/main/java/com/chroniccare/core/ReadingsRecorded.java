package com.chroniccare.core;

import java.util.List;

/**
 * Readings of one patient were accepted, all in one transaction (a request's batch; an offline phone syncs up to
 * 500 at once). Published through the event publication log, so listeners see them at least once even across a
 * crash. One event per batch rather than per reading: the log's bookkeeping is several statements per event and
 * listener. {@code reading.lateBackfill()} marks readings recorded offline and synced late.
 */
public record ReadingsRecorded(long patientId, List<Reading> readings) {
}
