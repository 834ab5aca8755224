package com.chroniccare.groups;

/** WeChat's text security check (msgSecCheck v2, scene "forum"); the application implements it. */
public interface ContentCheck {

    enum Suggestion { PASS, REVIEW, RISKY, UNAVAILABLE }

    /** @param label what the check found (WeChat's label), or why it could not check */
    record Verdict(Suggestion suggestion, String label) {
    }

    Verdict check(long userId, String text);

    /**
     * Asks WeChat to check an image asynchronously (mediaCheckAsync v2); the verdict arrives later through the
     * callback. Returns the trace id, or null if WeChat could not take the request.
     */
    String checkImageLater(long userId, String mediaUrl);
}
