package com.chroniccare.alerting;

/** What the patient is told right after a reading; the wording (Chinese and English) lives with the web layer. */
public enum Advice {
    CALL_120_NOW,
    TREAT_LOW_RECHECK_15_MIN,
    REMEASURE_BP_5_MIN,
    RETEST_GLUCOSE,
    CONTACT_CARE_TEAM_TODAY,
    DISCUSS_AT_NEXT_VISIT
}
