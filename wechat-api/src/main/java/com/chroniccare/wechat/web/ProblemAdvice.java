package com.chroniccare.wechat.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;

import com.chroniccare.core.CareException;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/** Every error leaves the service as an RFC 9457 problem with a stable code; never a stack trace. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CareException.class)
    ResponseEntity<Object> care(CareException e, Locale locale) {
        return problems.response(e.problem(), locale);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalid(BindException e, Locale locale) {
        List<Violation> violations = e.getBindingResult().getAllErrors().stream().map(error -> new Violation(
                error instanceof FieldError f ? f.getField() : error.getObjectName(),
                error.getCode() == null ? "INVALID" : error.getCode().toUpperCase(Locale.ROOT),
                "field.invalid", List.of(error.getDefaultMessage() == null ? "" : error.getDefaultMessage()))).toList();
        return problems.response(Problem.invalid(violations), locale);
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<Object> invalidParameter(Exception e, Locale locale) {
        return problems.response(Problem.invalid(List.of(Violation.of(null, "INVALID", "field.invalid", e.getMessage()))), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (causedBy(e, BodyTooLargeException.class)) {
            return problems.response(Problem.of(ProblemCode.PAYLOAD_TOO_LARGE, "problem.payload-too-large"), locale);
        }
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return problems.response(Problem.invalid(List.of(JsonErrors.violation(bind))), locale);
        }
        return problems.response(Problem.of(ProblemCode.MALFORMED_REQUEST, "problem.malformed-json"), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return problems.response(Problem.invalid(List.of(Violation.of(e.getName(), "TYPE_MISMATCH", "field.type-mismatch"))), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return problems.response(Problem.invalid(List.of(Violation.of(e.getParameterName(), "REQUIRED", "field.required"))), locale);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, Locale locale) {
        return problems.response(Problem.invalid(List.of(Violation.of(e.getHeaderName(), "REQUIRED", "field.required"))), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(Locale locale) {
        return problems.response(Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "problem.media-type"), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(Locale locale) {
        return problems.response(Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "problem.method-not-allowed"), locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(Locale locale) {
        return problems.response(Problem.of(ProblemCode.NOT_FOUND, "problem.not-found"), locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(Locale locale) {
        return problems.response(Problem.of(ProblemCode.FORBIDDEN, "problem.forbidden"), locale);
    }

    @ExceptionHandler({RedisConnectionFailureException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, QueryTimeoutException.class})
    ResponseEntity<Object> unavailable(Exception e, Locale locale) {
        log.warn("dependency unavailable: {}", e.getMessage());
        return problems.response(Problem.of(ProblemCode.SERVICE_UNAVAILABLE, "problem.unavailable"), locale);
    }

    /** A client (typically an SSE stream) went away: there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, Locale locale) {
        log.error("unexpected error", e);
        return problems.response(Problem.of(ProblemCode.INTERNAL_ERROR, "problem.internal"), locale);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
