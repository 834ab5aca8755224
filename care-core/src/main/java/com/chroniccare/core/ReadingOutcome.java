package com.chroniccare.core;

/** The result for one submitted reading: {@code readingId} when stored (or already stored), {@code problem} when rejected. */
public record ReadingOutcome(String clientId, ReadingStatus status, Long readingId, Problem problem) {

    public static ReadingOutcome rejected(String clientId, Problem problem) {
        return new ReadingOutcome(clientId, ReadingStatus.REJECTED, null, problem);
    }
}
