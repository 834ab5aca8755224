package com.chroniccare.wechat.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds {@code care.auth.max-body-bytes}. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
