package com.chroniccare.groups;

/**
 * What became of a post: published, or held for the doctor's review (with why), and whether this request created
 * it or found the one its clientId already made. Rejected content is a CONTENT_REJECTED problem instead.
 */
public record PostOutcome(PostView post, boolean created, String heldBecause, int notified) {
}
