package com.chroniccare.core;

import java.util.List;

/** The readings one request submitted for one patient. Several are stored together by {@link ReadingsApi#recordAll}. */
public record ReadingSubmission(long patientId, List<ReadingInput> readings) {

    /** What a submission came to: an outcome per reading, in order, or why none of them was stored. */
    public record Result(List<ReadingOutcome> outcomes, CareException refused) {

        public List<ReadingOutcome> outcomesOrThrow() {
            if (refused != null) {
                throw refused;
            }
            return outcomes;
        }
    }
}
