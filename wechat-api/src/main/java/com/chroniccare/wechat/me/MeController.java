package com.chroniccare.wechat.me;

import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.Consent;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ProfileUpdate;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.core.Violation;
import com.chroniccare.groups.GroupsApi;
import com.chroniccare.reminder.DosesApi;
import com.chroniccare.wechat.security.CurrentUser;
import com.chroniccare.wechat.security.TokenStore;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: profile, phone, consents, care team, PIPL export and deletion. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final AccountsApi accounts;
    private final DosesApi doses;
    private final GroupsApi groups;
    private final ConsentApi consents;
    private final CareTeamsApi teams;
    private final TokenStore tokens;
    private final WxMaService wechat;

    MeController(AccountsApi accounts, ConsentApi consents, CareTeamsApi teams, TokenStore tokens, WxMaService wechat,
                 DosesApi doses, GroupsApi groups) {
        this.doses = doses;
        this.groups = groups;
        this.accounts = accounts;
        this.consents = consents;
        this.teams = teams;
        this.tokens = tokens;
        this.wechat = wechat;
    }

    record TeamView(String id, String name) {
        static TeamView from(CareTeam team) {
            return new TeamView(String.valueOf(team.id()), team.name());
        }
    }

    record MeView(String id, Role role, String displayName, String username, boolean wechatBound, Integer birthYear,
                  String sex, List<String> conditions, GlucoseUnit glucoseUnit, String timeZone, boolean phoneOnFile,
                  String policyVersion, List<Consent> consents, TeamView careTeam, List<TeamView> staffOf) {
    }

    @GetMapping
    MeView me(@AuthenticationPrincipal CurrentUser me) {
        UserAccount user = accounts.get(me.id());
        boolean patient = user.role() == Role.PATIENT;
        return new MeView(String.valueOf(user.id()), user.role(), user.displayName(), user.username(),
                user.wechatBound(), user.birthYear(), user.sex(), user.conditions(), user.glucoseUnit(),
                user.timeZone().getId(), user.phoneOnFile(), consents.currentPolicyVersion(),
                patient ? consents.list(me.id()) : null,
                patient ? teams.teamOfPatient(me.id()).map(TeamView::from).orElse(null) : null,
                patient ? null : teams.teamsOf(me.id()).stream().map(TeamView::from).toList());
    }

    record ProfileRequest(@Size(max = 32) String displayName, @Min(1900) @Max(2030) Integer birthYear,
                          @Pattern(regexp = "MALE|FEMALE|OTHER") String sex,
                          @Size(max = 6) List<@Pattern(regexp = "T1D|T2D|GDM|HTN|CKD|CVD|OTHER") String> conditions,
                          GlucoseUnit glucoseUnit, @Size(max = 40) String timeZone) {
    }

    @PutMapping("/profile")
    MeView profile(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ProfileRequest request) {
        accounts.updateProfile(me.id(), new ProfileUpdate(request.displayName(), request.birthYear(), request.sex(),
                request.conditions(), request.glucoseUnit(), zone(request.timeZone())));
        return me(me);
    }

    record PhoneRequest(@NotBlank @Size(max = 128) String code) {
    }

    /** Takes the code from the getPhoneNumber button; WeChat returns the number, which is stored encrypted. */
    @PostMapping("/phone")
    Map<String, Boolean> phone(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody PhoneRequest request) {
        String phone;
        try {
            phone = wechat.getUserService().getPhoneNumber(request.code()).getPurePhoneNumber();
        } catch (WxErrorException e) {
            throw new CareException(ProblemCode.VALIDATION_FAILED, "auth.wechat-code-invalid");
        } catch (WxRuntimeException e) {
            throw new CareException(ProblemCode.WECHAT_UNAVAILABLE, "problem.wechat-unavailable");
        }
        accounts.savePhone(me.id(), phone);
        return Map.of("phoneOnFile", true);
    }

    record CredentialsRequest(@NotBlank @Pattern(regexp = "[a-z0-9_.-]{3,32}") String username,
                              @NotBlank @Size(min = 10, max = 128) String password) {
    }

    @PutMapping("/credentials")
    ResponseEntity<Void> credentials(@AuthenticationPrincipal CurrentUser me,
                                     @Valid @RequestBody CredentialsRequest request) {
        accounts.setCredentials(me.id(), request.username(), request.password());
        return ResponseEntity.noContent().build();
    }

    record ConsentRequest(@NotBlank String policyVersion, @NotEmpty Set<@NotNull ConsentScope> scopes) {
    }

    record ConsentsView(String policyVersion, List<Consent> consents) {
    }

    @PostMapping("/consents")
    ConsentsView consent(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ConsentRequest request) {
        return new ConsentsView(consents.currentPolicyVersion(),
                consents.grant(me.id(), request.policyVersion(), request.scopes()));
    }

    @GetMapping("/consents")
    ConsentsView consents(@AuthenticationPrincipal CurrentUser me) {
        return new ConsentsView(consents.currentPolicyVersion(), consents.list(me.id()));
    }

    @DeleteMapping("/consents/{scope}")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal CurrentUser me, @PathVariable ConsentScope scope) {
        consents.withdraw(me.id(), scope);
        return ResponseEntity.noContent().build();
    }

    record JoinRequest(@NotBlank @Size(max = 16) String inviteCode) {
    }

    @PostMapping("/care-team")
    TeamView join(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody JoinRequest request) {
        teams.joinWithInvite(me.id(), request.inviteCode());
        return teams.teamOfPatient(me.id()).map(TeamView::from).orElseThrow();
    }

    @GetMapping("/export")
    Map<String, Object> export(@AuthenticationPrincipal CurrentUser me) {
        Map<String, Object> export = new LinkedHashMap<>(accounts.export(me.id()));
        export.putAll(doses.export(me.id()));
        export.putAll(groups.export(me.id()));
        return export;
    }

    /** PIPL erasure: health data deleted, account anonymised, every session ended. */
    @DeleteMapping
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me) {
        accounts.delete(me.id());
        tokens.revokeAll(me.id());
        return ResponseEntity.noContent().build();
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw CareException.invalid(Violation.of("timeZone", "INVALID", "field.time-zone"));
        }
    }
}
