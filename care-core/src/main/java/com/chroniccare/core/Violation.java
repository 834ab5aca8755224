package com.chroniccare.core;

import java.util.List;

/**
 * One thing wrong with an input. {@code messageKey} names a localised message (Chinese first, English on request);
 * the web layer resolves it with {@code args}.
 */
public record Violation(String field, String code, String messageKey, List<Object> args) {

    public static Violation of(String field, String code, String messageKey, Object... args) {
        return new Violation(field, code, messageKey, List.of(args));
    }
}
