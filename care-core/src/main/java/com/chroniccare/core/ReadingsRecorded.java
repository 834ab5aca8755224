package com.chroniccare.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Readings were accepted, all in one transaction: one request's batch (an offline phone syncs up to 500 at once)
 * or the submissions of several patients stored together. Published through the event publication log, so
 * listeners see them at least once even across a crash. One event per transaction rather than per reading or
 * patient, and only what identifies each reading: the log stores, serialises and marks the event once per
 * listener, which per reading cost more than storing the readings.
 */
public record ReadingsRecorded(List<Item> readings) {

    /** A stored reading; {@code lateBackfill} marks one recorded offline and synced late. */
    public record Item(long id, long patientId, ReadingType type, Instant measuredAt, boolean lateBackfill) {
    }

    /** The readings per patient, patients in the order of their first reading. */
    public Map<Long, List<Item>> byPatient() {
        return readings.stream().collect(Collectors.groupingBy(Item::patientId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Hands each patient's readings to {@code listener}, all patients even if one fails, then rethrows the first
     * failure: the publication stays incomplete and is delivered again, so listeners must be idempotent per patient.
     */
    public void forEachPatient(BiConsumer<Long, List<Item>> listener) {
        RuntimeException failed = null;
        for (Map.Entry<Long, List<Item>> patient : byPatient().entrySet()) {
            try {
                listener.accept(patient.getKey(), patient.getValue());
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
