package com.chroniccare.reminder;

/** Local "HH:mm" times between which no reminder is pushed (doses still show in the app); both null means none. */
public record QuietHours(String start, String end) {
}
