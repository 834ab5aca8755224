package com.chroniccare.reminder;

import java.time.Instant;

/** A patient marked a dose taken (published once per dose, when it first becomes TAKEN). */
public record DoseTaken(long doseId, long patientId, long planId, Instant takenAt) {
}
