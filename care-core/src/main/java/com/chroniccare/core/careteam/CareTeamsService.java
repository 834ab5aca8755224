package com.chroniccare.core.careteam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.Invite;
import com.chroniccare.core.InviteKind;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Role;
import com.chroniccare.core.Violation;
import com.chroniccare.core.account.UserDO;
import com.chroniccare.core.account.UserMapper;
import com.chroniccare.core.config.CoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CareTeamsService implements CareTeamsApi {

    /** No 0/O or 1/I/L: codes are read aloud and typed on phones. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 8;

    private final CareTeamMapper teams;
    private final InviteMapper invites;
    private final UserMapper users;
    private final AuditApi audit;
    private final Clock clock;
    private final Duration inviteTtl;
    private final SecureRandom random = new SecureRandom();

    CareTeamsService(CareTeamMapper teams, InviteMapper invites, UserMapper users, AuditApi audit, Clock clock,
                     CoreProperties properties) {
        this.teams = teams;
        this.invites = invites;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.inviteTtl = properties.invites().ttl();
    }

    @Override
    @Transactional
    public CareTeam create(long staffId, String name) {
        CareTeamDO team = new CareTeamDO();
        team.name = name;
        team.createdBy = staffId;
        team.createdAt = clock.instant();
        teams.insert(team);
        teams.addMember(team.id, staffId, 1, team.createdAt);
        return load(team);
    }

    @Override
    public List<CareTeam> teamsOf(long staffId) {
        return teams.teamIdsOfStaff(staffId).stream().map(id -> load(teams.selectById(id))).toList();
    }

    @Override
    @Transactional
    public CareTeam addMember(long actorId, long teamId, long userId, int tier) {
        CareTeamDO team = teamOfMember(actorId, teamId);
        UserDO user = users.active(userId);
        if (user == null || !user.role.isStaff()) {
            throw CareException.invalid(Violation.of("userId", "NOT_STAFF", "careteam.member-not-staff"));
        }
        teams.removeMember(teamId, userId);
        teams.addMember(teamId, userId, tier, clock.instant());
        audit.record(actorId, null, "CARE_TEAM_MEMBER_SET", "team " + teamId + " user " + userId + " tier " + tier);
        return load(team);
    }

    @Override
    @Transactional
    public Invite createStaffInvite(long adminId, Role role) {
        if (role != Role.DOCTOR && role != Role.CLINICIAN) {
            throw CareException.invalid(Violation.of("role", "INVALID_ROLE", "invite.staff-role"));
        }
        return insertInvite(adminId, InviteKind.STAFF, role, null);
    }

    @Override
    @Transactional
    public Invite createTeamInvite(long actorId, long teamId) {
        teamOfMember(actorId, teamId);
        return insertInvite(actorId, InviteKind.CARE_TEAM, null, teamId);
    }

    @Override
    public Invite validInvite(String code) {
        InviteDO invite = code == null ? null : invites.selectById(code.trim().toUpperCase());
        if (invite == null || !invite.expiresAt.isAfter(clock.instant())
                || (invite.kind == InviteKind.STAFF && invite.redeemedBy != null)) {
            throw new CareException(ProblemCode.INVITE_INVALID, "invite.invalid");
        }
        return toInvite(invite);
    }

    @Override
    public void claimStaffInvite(String code, long userId) {
        if (invites.claim(code, userId, clock.instant()) == 0) {
            throw new CareException(ProblemCode.INVITE_INVALID, "invite.invalid");
        }
    }

    @Override
    @Transactional
    public void joinWithInvite(long patientId, String inviteCode) {
        Invite invite = validInvite(inviteCode);
        if (invite.kind() != InviteKind.CARE_TEAM) {
            throw new CareException(ProblemCode.INVITE_INVALID, "invite.not-for-patients");
        }
        Long current = teams.teamOfPatient(patientId);
        if (invite.careTeamId().equals(current)) {
            return;
        }
        teams.removePatient(patientId);
        teams.addPatient(patientId, invite.careTeamId(), clock.instant());
        audit.record(patientId, patientId, "CARE_TEAM_JOINED", "team " + invite.careTeamId()
                + (current == null ? "" : ", left team " + current));
    }

    /** Removes a patient from their care team, as part of erasing the account. */
    public void leave(long patientId) {
        teams.removePatient(patientId);
    }

    @Override
    public Optional<CareTeam> teamOfPatient(long patientId) {
        return Optional.ofNullable(teams.teamOfPatient(patientId)).map(id -> load(teams.selectById(id)));
    }

    @Override
    public boolean isResponsibleFor(long staffId, long patientId) {
        return teams.responsible(staffId, patientId) > 0;
    }

    @Override
    public List<Long> patientsOf(long staffId) {
        return teams.patientsOf(staffId);
    }

    @Override
    public List<Long> patientsOfTeam(long teamId) {
        return teams.patientsOfTeam(teamId);
    }

    /** The team, if the actor belongs to it; otherwise 404, so team ids cannot be probed. */
    private CareTeamDO teamOfMember(long actorId, long teamId) {
        CareTeamDO team = teams.selectById(teamId);
        if (team == null || teams.isMember(teamId, actorId) == 0) {
            throw CareException.notFound();
        }
        return team;
    }

    private Invite insertInvite(long actorId, InviteKind kind, Role role, Long teamId) {
        InviteDO invite = new InviteDO();
        invite.code = newCode();
        invite.kind = kind;
        invite.role = role;
        invite.careTeamId = teamId;
        invite.createdBy = actorId;
        invite.createdAt = clock.instant();
        invite.expiresAt = invite.createdAt.plus(inviteTtl);
        invites.insert(invite);
        audit.record(actorId, null, "INVITE_CREATED", kind + (role == null ? "" : " " + role)
                + (teamId == null ? "" : " team " + teamId));
        return toInvite(invite);
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static Invite toInvite(InviteDO row) {
        return new Invite(row.code, row.kind, row.role, row.careTeamId, row.expiresAt);
    }

    private CareTeam load(CareTeamDO team) {
        return new CareTeam(team.id, team.name, teams.members(team.id));
    }
}
