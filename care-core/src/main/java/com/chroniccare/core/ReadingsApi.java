package com.chroniccare.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** Glucose and blood-pressure readings of a patient. */
public interface ReadingsApi {

    /** Most readings one request may carry: a long offline stretch syncs in several requests. */
    int MAX_BATCH = 500;

    /**
     * Checks and stores a batch. Each reading gets its own outcome, in order; a rejected reading never affects its
     * neighbours, and the stored readings are published as one {@link ReadingsRecorded} in the same transaction.
     */
    List<ReadingOutcome> record(long patientId, List<ReadingInput> readings);

    /**
     * Stores several submissions, of one patient or several, in one transaction: each as {@link #record} would,
     * except that a submission refused as a whole (consent, size) gives its reason instead of failing the others.
     * All readings stored are published as one {@link ReadingsRecorded}. Results in the order of the submissions.
     */
    List<ReadingSubmission.Result> recordAll(List<ReadingSubmission> submissions);

    Page<Reading> list(long patientId, ReadingQuery query);

    Reading get(long patientId, long readingId);

    /** A patient's readings of a type measured from {@code from} (inclusive) to {@code to} (exclusive). */
    record Window(long patientId, ReadingType type, Instant from, Instant to) {
    }

    /**
     * The newest reading in each window, of any patients, in one query: what {@link #list} with a limit of 1 finds
     * for each. In no particular order; a window with none adds nothing.
     */
    List<Reading> newestIn(List<Window> windows);

    /**
     * The values of the newest {@code limit} readings in each window, of any patients, in one query: grouped by
     * patient and type, each group newest first.
     */
    List<ReadingValues> history(List<Window> windows, int limit);

    /**
     * The readings with these ids, of any patients, in the order of the ids; deleted ones are left out. For
     * listeners of {@link ReadingsRecorded}, whose ids come from the event: it checks no ownership, so never pass ids
     * from a request.
     */
    List<Reading> recorded(List<Long> readingIds);

    Optional<Reading> latest(long patientId, ReadingType type);

    ReadingSummary summary(long patientId, int days);

    /**
     * For each patient, the local dates on which they measured anything from a moment on, as dates in that
     * moment's zone (theirs). One query for all of them.
     */
    Map<Long, SortedSet<LocalDate>> daysMeasured(Map<Long, ZonedDateTime> since);

    void delete(long actorId, long patientId, long readingId);
}
