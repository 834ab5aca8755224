package com.chroniccare.core.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.Invite;
import com.chroniccare.core.InviteKind;
import com.chroniccare.core.LoginResult;
import com.chroniccare.core.PatientDeleted;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ProfileUpdate;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.core.careteam.CareTeamsService;
import com.chroniccare.core.consent.ConsentService;
import com.chroniccare.core.reading.ReadingsService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountsService implements AccountsApi {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final UserMapper users;
    private final CareTeamsService teams;
    private final ConsentService consents;
    private final ReadingsService readings;
    private final AuditApi audit;
    private final PhoneCipher phoneCipher;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Compared against when the username is unknown, so a miss costs as much as a wrong password. */
    private final String decoyHash;

    AccountsService(UserMapper users, CareTeamsService teams, ConsentService consents, ReadingsService readings,
                    AuditApi audit, PhoneCipher phoneCipher, PasswordEncoder passwords,
                    ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.consents = consents;
        this.readings = readings;
        this.audit = audit;
        this.phoneCipher = phoneCipher;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    @Override
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LoginResult loginWithWeChat(String openid, String inviteCode) {
        Invite invite = inviteCode == null || inviteCode.isBlank() ? null : teams.validInvite(inviteCode);
        UserDO user = users.byOpenid(openid);
        boolean created = false;
        if (user == null) {
            Role role = invite != null && invite.kind() == InviteKind.STAFF ? invite.role() : Role.PATIENT;
            try {
                user = insert(role, openid, null, null);
                created = true;
            } catch (DuplicateKeyException raced) {
                // The same user logged in twice at once (a retried request); the other call created the account.
                user = users.byOpenid(openid);
            }
        }
        if (invite != null) {
            redeem(invite, user, created);
        }
        return new LoginResult(toAccount(user), created);
    }

    private void redeem(Invite invite, UserDO user, boolean created) {
        if (invite.kind() == InviteKind.STAFF) {
            if (!created) {
                throw new CareException(ProblemCode.INVITE_INVALID, "invite.staff-for-existing-user");
            }
            teams.claimStaffInvite(invite.code(), user.id);
            audit.record(user.id, null, "STAFF_ACCOUNT_CREATED", invite.role() + " via invite");
        } else if (user.role == Role.PATIENT) {
            teams.joinWithInvite(user.id, invite.code());
        } else {
            throw new CareException(ProblemCode.INVITE_INVALID, "invite.not-for-patients");
        }
    }

    @Override
    public UserAccount staffLogin(String username, String password) {
        UserDO user = users.byUsername(username);
        boolean matches = passwords.matches(password, user == null || user.passwordHash == null
                ? decoyHash : user.passwordHash);
        if (user == null || user.passwordHash == null || !matches || !user.role.isStaff()) {
            throw new CareException(ProblemCode.UNAUTHENTICATED, "auth.bad-credentials");
        }
        return toAccount(user);
    }

    @Override
    @Transactional
    public void setCredentials(long userId, String username, String password) {
        UserDO user = activeUser(userId);
        if (!user.role.isStaff()) {
            throw new CareException(ProblemCode.FORBIDDEN, "auth.staff-only");
        }
        UserDO holder = users.byUsername(username);
        if (holder != null && !holder.id.equals(userId)) {
            throw new CareException(ProblemCode.CONFLICT, "account.username-taken");
        }
        user.username = username;
        user.passwordHash = passwords.encode(password);
        users.updateById(user);
        audit.record(userId, null, "CREDENTIALS_CHANGED", username);
    }

    @Override
    public UserAccount get(long userId) {
        return toAccount(activeUser(userId));
    }

    @Override
    public Optional<String> wechatOpenid(long userId) {
        return Optional.ofNullable(users.active(userId)).map(u -> u.openid);
    }

    @Override
    public Map<Long, ZoneId> timeZones(Collection<Long> userIds) {
        Map<Long, ZoneId> out = new HashMap<>();
        if (!userIds.isEmpty()) {
            users.timeZones(userIds).forEach(u -> out.put(u.id, ZoneId.of(u.timeZone)));
        }
        return out;
    }

    @Override
    public Map<Long, String> wechatOpenids(Collection<Long> userIds) {
        Map<Long, String> out = new HashMap<>();
        if (!userIds.isEmpty()) {
            users.openids(userIds).forEach(u -> out.put(u.id, u.openid));
        }
        return out;
    }

    @Override
    public Optional<Long> userOfOpenid(String openid) {
        UserDO user = openid == null ? null : users.byOpenid(openid);
        return user == null || user.deletedAt != null ? Optional.empty() : Optional.of(user.id);
    }

    @Override
    @Transactional
    public UserAccount updateProfile(long userId, ProfileUpdate update) {
        UserDO user = activeUser(userId);
        user.displayName = update.displayName();
        user.birthYear = update.birthYear();
        user.sex = update.sex();
        user.conditions = update.conditions() == null ? null : String.join(",", update.conditions());
        user.glucoseUnit = update.glucoseUnit() == null ? GlucoseUnit.MMOL_L : update.glucoseUnit();
        user.timeZone = (update.timeZone() == null ? DEFAULT_ZONE : update.timeZone()).getId();
        users.updateById(user);
        audit.record(userId, userId, "PROFILE_UPDATED", null);
        return toAccount(user);
    }

    @Override
    @Transactional
    public void savePhone(long userId, String phoneNumber) {
        UserDO user = activeUser(userId);
        user.phoneCipher = phoneCipher.encrypt(phoneNumber);
        users.updateById(user);
        audit.record(userId, userId, "PHONE_SAVED", null);
    }

    @Override
    @Transactional
    public Map<String, Object> export(long userId) {
        UserDO user = activeUser(userId);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant());
        export.put("account", toAccount(user));
        export.put("phoneNumber", user.phoneCipher == null ? null : phoneCipher.decrypt(user.phoneCipher));
        export.put("consents", consents.list(userId));
        export.put("careTeam", teams.teamOfPatient(userId).orElse(null));
        export.put("readings", readings.allOf(userId));
        export.put("auditTrail", audit.forPatient(userId));
        audit.record(userId, userId, "DATA_EXPORTED", null);
        return export;
    }

    @Override
    @Transactional
    public void delete(long userId) {
        UserDO user = activeUser(userId);
        if (user.role != Role.PATIENT) {
            throw new CareException(ProblemCode.FORBIDDEN, "account.staff-deletion");
        }
        readings.eraseAll(userId);
        consents.withdrawAll(userId);
        teams.leave(userId);
        users.anonymise(userId, clock.instant());
        audit.record(userId, userId, "ACCOUNT_DELETED", "health data erased, account anonymised");
        events.publishEvent(new PatientDeleted(userId));
    }

    @Override
    @Transactional
    public void ensureAdmin(String username, String password) {
        if (users.byUsername(username) == null) {
            UserDO admin = insert(Role.ADMIN, null, username, passwords.encode(password));
            audit.record(null, null, "ADMIN_BOOTSTRAPPED", "user " + admin.id);
        }
    }

    private UserDO insert(Role role, String openid, String username, String passwordHash) {
        UserDO user = new UserDO();
        user.role = role;
        user.openid = openid;
        user.username = username;
        user.passwordHash = passwordHash;
        user.glucoseUnit = GlucoseUnit.MMOL_L;
        user.timeZone = DEFAULT_ZONE.getId();
        user.createdAt = clock.instant();
        users.insert(user);
        return user;
    }

    private UserDO activeUser(long userId) {
        UserDO user = users.active(userId);
        if (user == null) {
            throw CareException.notFound();
        }
        return user;
    }

    private static UserAccount toAccount(UserDO u) {
        List<String> conditions = u.conditions == null || u.conditions.isEmpty() ? List.of()
                : Arrays.asList(u.conditions.split(","));
        return new UserAccount(u.id, u.role, u.displayName, u.username, u.openid != null, u.birthYear, u.sex,
                conditions, u.glucoseUnit, ZoneId.of(u.timeZone), u.phoneCipher != null, u.createdAt);
    }
}
