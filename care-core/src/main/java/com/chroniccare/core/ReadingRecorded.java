package com.chroniccare.core;

/**
 * A reading was accepted. Published through the event publication log, so listeners see it at least once even
 * across a crash. {@code reading.lateBackfill()} marks readings recorded offline and synced late.
 */
public record ReadingRecorded(Reading reading) {
}
