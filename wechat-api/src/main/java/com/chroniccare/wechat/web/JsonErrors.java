package com.chroniccare.wechat.web;

import java.util.stream.Collectors;

import com.chroniccare.core.Violation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Turns a Jackson binding error into a field-level violation ("glucose.unit: unknown value"). */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static Violation violation(DatabindException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return Violation.of(field, "UNKNOWN_VALUE", "field.unknown-value", String.valueOf(invalid.getValue()),
                    java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()));
        }
        return Violation.of(field, "TYPE_MISMATCH", "field.type-mismatch");
    }
}
