package com.chroniccare.core;

import java.util.List;
import java.util.Optional;

/** Care teams: which staff are responsible for which patients. The basis of every object-level check. */
public interface CareTeamsApi {

    CareTeam create(long staffId, String name);

    List<CareTeam> teamsOf(long staffId);

    /** Adds a staff member (or changes their tier); the actor must belong to the team. */
    CareTeam addMember(long actorId, long teamId, long userId, int tier);

    Invite createStaffInvite(long adminId, Role role);

    Invite createTeamInvite(long actorId, long teamId);

    /** The invite behind a code, if it can still be redeemed; otherwise {@code INVITE_INVALID}. */
    Invite validInvite(String code);

    /** Marks a single-use staff invite as used by the account it created; fails if someone was first. */
    void claimStaffInvite(String code, long userId);

    void joinWithInvite(long patientId, String inviteCode);

    Optional<CareTeam> teamOfPatient(long patientId);

    /** True when the staff member belongs to the patient's care team. */
    boolean isResponsibleFor(long staffId, long patientId);

    List<Long> patientsOf(long staffId);

    List<Long> patientsOfTeam(long teamId);
}
