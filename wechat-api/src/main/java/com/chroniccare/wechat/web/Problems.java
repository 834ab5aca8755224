package com.chroniccare.wechat.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Violation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders a {@link Problem} as an RFC 9457 problem object (type, title, status, detail, code, errors), localised
 * Chinese first with English on request. The one place problem bodies are made: the controller advice, security
 * handlers, filters and per-reading results all use it.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final ObjectMapper json;

    Problems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public static HttpStatus status(ProblemCode code) {
        return switch (code) {
            case VALIDATION_FAILED, MALFORMED_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED, WECHAT_LOGIN_FAILED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN, CONSENT_REQUIRED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case CONFLICT, READING_CONFLICT, GROUP_FULL -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case READING_IMPLAUSIBLE, READING_IN_FUTURE, READING_TOO_OLD, INVITE_INVALID, CONTENT_REJECTED ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case WECHAT_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public Map<String, Object> body(Problem problem, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        String code = problem.code().name();
        body.put("type", "urn:chroniccare:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", message("problem.title." + code, List.of(), locale));
        body.put("status", status(problem.code()).value());
        body.put("detail", message(problem.messageKey(), problem.args(), locale));
        body.put("code", code);
        if (!problem.violations().isEmpty()) {
            body.put("errors", problem.violations().stream().map(v -> error(v, locale)).toList());
        }
        return body;
    }

    public ResponseEntity<Object> response(Problem problem, Locale locale) {
        return ResponseEntity.status(status(problem.code())).contentType(PROBLEM_JSON).body(body(problem, locale));
    }

    /** For code outside Spring MVC (security handlers, filters); Chinese unless the client asked otherwise. */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        response.setStatus(status(problem.code()).value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(problem, locale));
    }

    private Map<String, Object> error(Violation v, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", v.field());
        error.put("code", v.code());
        error.put("message", message(v.messageKey(), v.args(), locale));
        return error;
    }

    private String message(String key, List<Object> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
