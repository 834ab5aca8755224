package com.chroniccare.core;

/** A failure the caller can act on, reported to clients as an RFC 9457 problem with a stable {@link ProblemCode}. */
public class CareException extends RuntimeException {

    private final Problem problem;

    public CareException(Problem problem) {
        super(problem.code() + ": " + problem.messageKey(), null, false, false);
        this.problem = problem;
    }

    public CareException(ProblemCode code, String messageKey, Object... args) {
        this(Problem.of(code, messageKey, args));
    }

    public static CareException notFound() {
        return new CareException(ProblemCode.NOT_FOUND, "problem.not-found");
    }

    public static CareException invalid(Violation violation) {
        return new CareException(Problem.invalid(java.util.List.of(violation)));
    }

    public Problem problem() {
        return problem;
    }
}
