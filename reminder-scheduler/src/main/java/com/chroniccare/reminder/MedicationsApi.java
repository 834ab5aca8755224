package com.chroniccare.reminder;

import java.util.List;

/**
 * Medication plans. The actor is the patient or a member of their care team (the caller checks that); every change
 * is audited with the actor. Edits and stops change only doses not yet reminded.
 */
public interface MedicationsApi {

    List<MedicationPlan> plans(long patientId);

    MedicationPlan create(long actorId, long patientId, PlanInput input);

    MedicationPlan update(long actorId, long patientId, long planId, PlanInput input);

    MedicationPlan stop(long actorId, long patientId, long planId);
}
