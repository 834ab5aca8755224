package com.chroniccare.wechat.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.reminder.DosesApi;
import com.chroniccare.reminder.MedicationsApi;
import com.chroniccare.reminder.PlanInput;
import com.chroniccare.reminder.QuietHours;
import com.chroniccare.wechat.security.CurrentUser;
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

/** The patient's medications, today's doses and what they did about them, and adherence. */
@RestController
@RequestMapping("/api/v1")
class RemindersController {

    private final MedicationsApi medications;
    private final DosesApi doses;
    private final AccountsApi accounts;
    private final Clock clock;

    RemindersController(MedicationsApi medications, DosesApi doses, AccountsApi accounts, Clock clock) {
        this.medications = medications;
        this.doses = doses;
        this.accounts = accounts;
        this.clock = clock;
    }

    record DoseDay(LocalDate date, List<DoseItem> items) {
    }

    record Taken(Instant takenAt) {
    }

    record Snooze(int minutes) {
    }

    record Skip(String reason) {
    }

    @GetMapping("/medications")
    List<MedicationView> plans(@AuthenticationPrincipal CurrentUser me) {
        return medications.plans(me.id()).stream().map(MedicationView::from).toList();
    }

    @PostMapping("/medications")
    @ResponseStatus(HttpStatus.CREATED)
    MedicationView create(@AuthenticationPrincipal CurrentUser me, @RequestBody PlanInput input) {
        return MedicationView.from(medications.create(me.id(), me.id(), input));
    }

    @PutMapping("/medications/{id}")
    MedicationView update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody PlanInput input) {
        return MedicationView.from(medications.update(me.id(), me.id(), id, input));
    }

    /** Stops the plan; its history stays for adherence. */
    @DeleteMapping("/medications/{id}")
    MedicationView stop(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return MedicationView.from(medications.stop(me.id(), me.id(), id));
    }

    /** The doses of one day in the patient's time zone, today by default. */
    @GetMapping("/reminders")
    DoseDay day(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(accounts.get(me.id()).timeZone()));
        return new DoseDay(day, doses.day(me.id(), day).stream().map(DoseItem::from).toList());
    }

    @PostMapping("/reminders/{id}/taken")
    DoseItem taken(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                   @RequestBody(required = false) Taken body) {
        return DoseItem.from(doses.taken(me.id(), id, body == null ? null : body.takenAt()));
    }

    @PostMapping("/reminders/{id}/snooze")
    DoseItem snooze(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody Snooze body) {
        return DoseItem.from(doses.snooze(me.id(), id, body.minutes()));
    }

    @PostMapping("/reminders/{id}/skip")
    DoseItem skip(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                  @RequestBody(required = false) Skip body) {
        return DoseItem.from(doses.skip(me.id(), id, body == null ? null : body.reason()));
    }

    @GetMapping("/reminders/settings")
    QuietHours settings(@AuthenticationPrincipal CurrentUser me) {
        return doses.quietHours(me.id());
    }

    @PutMapping("/reminders/settings")
    QuietHours setSettings(@AuthenticationPrincipal CurrentUser me, @RequestBody QuietHours body) {
        return doses.setQuietHours(me.id(), body);
    }

    @GetMapping("/adherence")
    List<AdherenceItem> adherence(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "30") int days) {
        return doses.adherence(me.id(), days).stream().map(AdherenceItem::from).toList();
    }
}
