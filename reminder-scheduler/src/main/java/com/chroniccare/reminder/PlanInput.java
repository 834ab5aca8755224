package com.chroniccare.reminder;

/** A medication plan as a patient or their care team enters it. */
public record PlanInput(String name, String dose, String instructions, Schedule schedule) {
}
