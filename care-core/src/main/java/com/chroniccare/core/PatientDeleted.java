package com.chroniccare.core;

/** A patient erased their account: other modules delete what they hold about them. */
public record PatientDeleted(long patientId) {
}
