package com.chroniccare.core;

/** Stable machine codes of the problems the service reports; clients switch on these, so never rename one. */
public enum ProblemCode {
    VALIDATION_FAILED,
    MALFORMED_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    CONSENT_REQUIRED,
    READING_IMPLAUSIBLE,
    READING_IN_FUTURE,
    READING_TOO_OLD,
    READING_CONFLICT,
    INVITE_INVALID,
    CONTENT_REJECTED,
    GROUP_FULL,
    WECHAT_LOGIN_FAILED,
    WECHAT_UNAVAILABLE,
    RATE_LIMITED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    METHOD_NOT_ALLOWED,
    SERVICE_UNAVAILABLE,
    INTERNAL_ERROR
}
