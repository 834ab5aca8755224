package com.chroniccare.reminder;

import java.util.Collection;
import java.util.Map;

/** How reminders reach patients; the application implements it with WeChat subscribe messages. */
public interface ReminderChannel {

    /**
     * Runs inside the dispatcher's transaction: takes one send authorisation for each patient who has one left
     * (so a rollback returns it) and answers, for each patient that can be reached, the address to send to.
     */
    Map<Long, String> reserve(Collection<Long> patientIds);

    /** Sends one reminder; called outside any transaction, concurrently. */
    Delivery send(String address, ReminderMessage message);

    /** What became of one send. */
    record Delivery(Outcome outcome, Integer errorCode, String error) {

        public static Delivery sent() {
            return new Delivery(Outcome.SENT, null, null);
        }
    }

    enum Outcome {
        SENT,
        /** Not delivered and worth another try (frequency limit, WeChat busy, unreachable). */
        RETRY,
        /** The user has no authorisation left or refused; the app asks them to subscribe again. */
        REFUSED,
        /** Not delivered, and retrying would not help. */
        FAILED,
        /** WeChat may or may not have it (a timeout); not resent, since a duplicate may cause a double dose. */
        UNCERTAIN
    }
}
