package com.chroniccare.core;

public enum Role {
    PATIENT, DOCTOR, CLINICIAN, ADMIN;

    public boolean isStaff() {
        return this != PATIENT;
    }
}
