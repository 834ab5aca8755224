package com.chroniccare.wechat.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.alerting.Severity;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.Invite;
import com.chroniccare.core.InviteKind;
import com.chroniccare.core.Page;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ReadingSummary;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.core.Violation;
import com.chroniccare.reminder.DosesApi;
import com.chroniccare.wechat.readings.ReadingListParams;
import com.chroniccare.wechat.readings.ReadingView;
import com.chroniccare.wechat.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The care team's side: invites, teams, the patient panel and patients' readings. A patient outside the caller's
 * teams answers 404; one who has not consented to care-team sharing answers CONSENT_REQUIRED.
 */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    private final CareTeamsApi teams;
    private final AccountsApi accounts;
    private final ConsentApi consents;
    private final ReadingsApi readings;
    private final AuditApi audit;
    private final AlertingApi alerting;
    private final DosesApi doses;
    private final PatientAccess access;

    StaffController(CareTeamsApi teams, AccountsApi accounts, ConsentApi consents, ReadingsApi readings,
                    AuditApi audit, AlertingApi alerting, DosesApi doses, PatientAccess access) {
        this.alerting = alerting;
        this.doses = doses;
        this.access = access;
        this.teams = teams;
        this.accounts = accounts;
        this.consents = consents;
        this.readings = readings;
        this.audit = audit;
    }

    record InviteRequest(@NotNull InviteKind kind, Role role, String careTeamId) {
    }

    record InviteView(String code, InviteKind kind, Role role, String careTeamId, Instant expiresAt) {
        static InviteView from(Invite i) {
            return new InviteView(i.code(), i.kind(), i.role(),
                    i.careTeamId() == null ? null : String.valueOf(i.careTeamId()), i.expiresAt());
        }
    }

    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    InviteView invite(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody InviteRequest request) {
        if (request.kind() == InviteKind.STAFF) {
            if (me.role() != Role.ADMIN) {
                throw new CareException(ProblemCode.FORBIDDEN, "invite.admin-only");
            }
            return InviteView.from(teams.createStaffInvite(me.id(), request.role()));
        }
        if (request.careTeamId() == null) {
            throw CareException.invalid(Violation.of("careTeamId", "REQUIRED", "field.required"));
        }
        return InviteView.from(teams.createTeamInvite(me.id(), id(request.careTeamId())));
    }

    record TeamRequest(@NotBlank @Size(max = 64) String name) {
    }

    record MemberRequest(@NotBlank String userId, @Min(1) @Max(3) int tier) {
    }

    record TeamView(String id, String name, List<MemberView> members) {
        static TeamView from(CareTeam t) {
            return new TeamView(String.valueOf(t.id()), t.name(), t.members().stream().map(m -> new MemberView(
                    String.valueOf(m.userId()), m.displayName(), m.role(), m.tier())).toList());
        }
    }

    record MemberView(String userId, String displayName, Role role, int tier) {
    }

    @PostMapping("/care-teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView createTeam(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody TeamRequest request) {
        return TeamView.from(teams.create(me.id(), request.name()));
    }

    @GetMapping("/care-teams")
    List<TeamView> myTeams(@AuthenticationPrincipal CurrentUser me) {
        return teams.teamsOf(me.id()).stream().map(TeamView::from).toList();
    }

    @PostMapping("/care-teams/{teamId}/members")
    TeamView addMember(@AuthenticationPrincipal CurrentUser me, @PathVariable long teamId,
                       @Valid @RequestBody MemberRequest request) {
        return TeamView.from(teams.addMember(me.id(), teamId, id(request.userId()), request.tier()));
    }

    /** @param takenShare7d share of the last 7 days' decided doses that were taken; null with none */
    record PanelEntry(String patientId, String displayName, boolean sharing, ReadingView lastGlucose,
                      ReadingView lastBloodPressure, List<OpenAlert> openAlerts, Double takenShare7d) {
    }

    record OpenAlert(String id, AlertFamily family, Severity severity, AlertStatus status, boolean review) {
    }

    /** My panel: every patient of my teams with latest readings and unresolved alerts (if sharing is consented). */
    @GetMapping("/patients")
    List<PanelEntry> panel(@AuthenticationPrincipal CurrentUser me) {
        List<Long> patients = teams.patientsOf(me.id());
        Map<Long, List<AlertView>> alerts = alerting.unresolved(patients);
        Map<Long, Double> adherence = doses.takenShares(patients, 7);
        return patients.stream().map(patientId -> {
            UserAccount patient = accounts.get(patientId);
            if (!consents.hasConsented(patientId, ConsentScope.CARE_TEAM_SHARING)) {
                return new PanelEntry(String.valueOf(patientId), patient.displayName(), false, null, null, List.of(),
                        null);
            }
            audit.record(me.id(), patientId, "STAFF_VIEWED_PANEL", null);
            return new PanelEntry(String.valueOf(patientId), patient.displayName(), true,
                    readings.latest(patientId, ReadingType.GLUCOSE).map(ReadingView::from).orElse(null),
                    readings.latest(patientId, ReadingType.BLOOD_PRESSURE).map(ReadingView::from).orElse(null),
                    alerts.get(patientId).stream().map(a -> new OpenAlert(String.valueOf(a.id()), a.family(),
                            a.severity(), a.status(), a.review())).toList(),
                    adherence.get(patientId));
        }).toList();
    }

    @GetMapping("/patients/{patientId}/readings")
    Page<ReadingView> readings(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                               @Valid ReadingListParams params) {
        authorise(me, patientId);
        audit.record(me.id(), patientId, "STAFF_READ_READINGS", null);
        return readings.list(patientId, params.toQuery()).map(ReadingView::from);
    }

    @GetMapping("/patients/{patientId}/readings/summary")
    ReadingSummary summary(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                           @RequestParam(defaultValue = "7") int days) {
        authorise(me, patientId);
        audit.record(me.id(), patientId, "STAFF_READ_SUMMARY", days + " days");
        return readings.summary(patientId, days);
    }

    private void authorise(CurrentUser me, long patientId) {
        access.require(me, patientId);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw CareException.notFound();
        }
    }
}
