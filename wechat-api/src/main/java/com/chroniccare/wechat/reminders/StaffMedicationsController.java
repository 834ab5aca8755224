package com.chroniccare.wechat.reminders;

import java.util.List;

import com.chroniccare.core.AuditApi;
import com.chroniccare.reminder.DosesApi;
import com.chroniccare.reminder.MedicationsApi;
import com.chroniccare.reminder.PlanInput;
import com.chroniccare.wechat.security.CurrentUser;
import com.chroniccare.wechat.staff.PatientAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The care team manages a patient's medications on their behalf; every change is audited with who made it. */
@RestController
@RequestMapping("/api/v1/staff/patients/{patientId}")
class StaffMedicationsController {

    private final MedicationsApi medications;
    private final DosesApi doses;
    private final PatientAccess access;
    private final AuditApi audit;

    StaffMedicationsController(MedicationsApi medications, DosesApi doses, PatientAccess access, AuditApi audit) {
        this.medications = medications;
        this.doses = doses;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/medications")
    List<MedicationView> plans(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId) {
        access.require(me, patientId);
        audit.record(me.id(), patientId, "STAFF_READ_MEDICATIONS", null);
        return medications.plans(patientId).stream().map(MedicationView::from).toList();
    }

    @PostMapping("/medications")
    @ResponseStatus(HttpStatus.CREATED)
    MedicationView create(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                          @RequestBody PlanInput input) {
        access.require(me, patientId);
        return MedicationView.from(medications.create(me.id(), patientId, input));
    }

    @PutMapping("/medications/{id}")
    MedicationView update(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                          @PathVariable long id, @RequestBody PlanInput input) {
        access.require(me, patientId);
        return MedicationView.from(medications.update(me.id(), patientId, id, input));
    }

    @DeleteMapping("/medications/{id}")
    MedicationView stop(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId, @PathVariable long id) {
        access.require(me, patientId);
        return MedicationView.from(medications.stop(me.id(), patientId, id));
    }

    @GetMapping("/adherence")
    List<AdherenceItem> adherence(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                              @RequestParam(defaultValue = "30") int days) {
        access.require(me, patientId);
        audit.record(me.id(), patientId, "STAFF_READ_ADHERENCE", days + " days");
        return doses.adherence(patientId, days).stream().map(AdherenceItem::from).toList();
    }
}
