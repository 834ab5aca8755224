package com.chroniccare.reminder.dispatch;

/** The life of one reminder push in the due-queue. */
public enum PushStatus {
    PENDING,
    /** Leased by one dispatcher; the sweep returns it to PENDING if the lease runs out. */
    CLAIMED,
    /** Handed to WeChat; if the dispatcher dies now, nobody knows whether it arrived, so it is never resent. */
    SENDING,
    SENT,
    /** The dispatcher died while sending, or WeChat timed out: maybe delivered, not resent. */
    UNCERTAIN,
    /** No authorisation left for the patient (or WeChat said 43101): the dose shows in the app only. */
    NO_AUTH,
    /** Due within the patient's quiet hours. */
    QUIET,
    /** Too late to be useful. */
    LATE,
    /** Its doses were taken, skipped, edited or stopped before it went out. */
    CANCELLED,
    FAILED
}
