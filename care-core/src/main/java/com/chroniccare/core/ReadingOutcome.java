package com.chroniccare.core;

/**
 * The result for one submitted reading: {@code readingId} when stored (or already stored), {@code problem} when
 * rejected. {@code reading} is the stored reading, unless rejected or since deleted by the patient.
 */
public record ReadingOutcome(String clientId, ReadingStatus status, Long readingId, Reading reading, Problem problem) {

    public static ReadingOutcome rejected(String clientId, Problem problem) {
        return new ReadingOutcome(clientId, ReadingStatus.REJECTED, null, null, problem);
    }
}
