package com.chroniccare.reminder;

/** SCHEDULED until reminded (SENT); the patient marks it TAKEN, SNOOZED or SKIPPED, or its window closes: MISSED. */
public enum DoseStatus { SCHEDULED, SENT, TAKEN, SNOOZED, SKIPPED, MISSED }
