package com.chroniccare.groups;

import java.time.Instant;

/** A sticker earned for progress: which reward, the sticker, why, and when. */
public record Award(String reward, String sticker, String reason, Instant awardedAt) {
}
