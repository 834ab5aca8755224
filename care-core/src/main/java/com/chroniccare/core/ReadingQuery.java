package com.chroniccare.core;

import java.time.Instant;

/** Newest first; {@code after} is the opaque cursor of the previous page, or null for the first page. */
public record ReadingQuery(ReadingType type, Instant from, Instant to, String after, int limit) {
}
