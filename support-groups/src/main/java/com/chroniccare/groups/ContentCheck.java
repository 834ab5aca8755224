package com.chroniccare.groups;

/** WeChat's text security check (msgSecCheck v2, scene "forum"); the application implements it. */
public interface ContentCheck {

    enum Suggestion { PASS, REVIEW, RISKY, UNAVAILABLE }

    /** @param label what the check found (WeChat's label), or why it could not check */
    record Verdict(Suggestion suggestion, String label) {
    }

    Verdict check(long userId, String text);
}
