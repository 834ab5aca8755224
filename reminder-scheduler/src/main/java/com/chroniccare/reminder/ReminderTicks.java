package com.chroniccare.reminder;

/** The cluster-wide ticks that drive reminders; the application runs them from clustered Quartz. */
public interface ReminderTicks {

    /** Extends every active plan's doses over the rolling horizon. Idempotent. */
    int generate();

    /** Sends due reminders until none are due; returns how many pushes it handled. Safe on several instances. */
    int dispatch();

    /** Puts work whose dispatcher died back in the queue, without resending what may have been sent. */
    int sweep();

    /** Marks doses whose window closed as missed and publishes {@link DoseMissed}. */
    int markMissed();
}
