package com.chroniccare.core;

import java.util.List;

/** What went wrong, independent of transport: the web layer turns it into an RFC 9457 problem. */
public record Problem(ProblemCode code, String messageKey, List<Object> args, List<Violation> violations) {

    public static Problem of(ProblemCode code, String messageKey, Object... args) {
        return new Problem(code, messageKey, List.of(args), List.of());
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem(ProblemCode.VALIDATION_FAILED, "problem.validation-failed", List.of(), List.copyOf(violations));
    }
}
