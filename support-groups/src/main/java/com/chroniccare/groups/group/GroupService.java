package com.chroniccare.groups.group;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.core.Violation;
import com.chroniccare.groups.GroupInput;
import com.chroniccare.groups.GroupRole;
import com.chroniccare.groups.GroupView;
import com.chroniccare.groups.config.GroupsProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups and who is in them. Membership is what every feed and moderation call checks first. */
@Service
public class GroupService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Duration MAX_MUTE = Duration.ofDays(30);

    private final GroupMapper groups;
    private final MemberMapper members;
    private final AccountsApi accounts;
    private final ConsentApi consents;
    private final AuditApi audit;
    private final GroupsProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GroupService(GroupMapper groups, MemberMapper members, AccountsApi accounts, ConsentApi consents, AuditApi audit,
                 GroupsProperties properties, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.accounts = accounts;
        this.consents = consents;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public GroupView create(long doctorId, GroupInput input) {
        List<Violation> v = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            v.add(Violation.of("name", "REQUIRED", "field.required"));
        } else if (input.name().strip().length() > 40) {
            v.add(Violation.of("name", "TOO_LONG", "field.too-long", 40));
        }
        if (input.description() != null && input.description().length() > 500) {
            v.add(Violation.of("description", "TOO_LONG", "field.too-long", 500));
        }
        if (input.condition() == null) {
            v.add(Violation.of("condition", "REQUIRED", "field.required"));
        }
        if (!v.isEmpty()) {
            throw new CareException(Problem.invalid(v));
        }
        GroupDO g = new GroupDO();
        g.name = input.name().strip();
        g.description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        g.condition = input.condition();
        g.ownerId = doctorId;
        g.inviteCode = inviteCode();
        g.maxMembers = properties.maxMembers();
        g.createdAt = clock.instant();
        groups.insert(g);
        addMember(g.id, doctorId, GroupRole.OWNER);
        audit.record(doctorId, null, "GROUP_CREATED", "group " + g.id);
        return view(g, GroupRole.OWNER);
    }

    public List<GroupView> mine(long userId) {
        return groups.ofMember(userId).stream()
                .map(g -> view(g, g.ownerId == userId ? GroupRole.OWNER : GroupRole.MEMBER)).toList();
    }

    /** A wrong code and a missing group look the same, so codes cannot be probed for groups. */
    @Transactional
    public GroupView join(long userId, long groupId, String inviteCode) {
        if (accounts.get(userId).role() == Role.PATIENT) {
            consents.require(userId, ConsentScope.GROUPS);
        }
        GroupDO g = groups.lock(groupId);
        if (g == null || inviteCode == null || !g.inviteCode.equalsIgnoreCase(inviteCode.strip())) {
            throw new CareException(ProblemCode.INVITE_INVALID, "group.invite-invalid");
        }
        MemberDO existing = members.find(groupId, userId);
        if (existing != null) {
            return view(g, existing.role);
        }
        if (members.count(groupId) >= g.maxMembers) {
            throw new CareException(ProblemCode.GROUP_FULL, "group.full", g.maxMembers);
        }
        addMember(groupId, userId, GroupRole.MEMBER);
        audit.record(userId, null, "GROUP_JOINED", "group " + groupId);
        return view(g, GroupRole.MEMBER);
    }

    @Transactional
    public void leave(long userId, long groupId) {
        MemberDO m = member(groupId, userId);
        if (m.role == GroupRole.OWNER) {
            throw new CareException(ProblemCode.CONFLICT, "group.owner-cannot-leave");
        }
        members.delete(groupId, userId);
        audit.record(userId, null, "GROUP_LEFT", "group " + groupId);
    }

    @Transactional
    public void mute(long doctorId, long groupId, long userId, Instant until) {
        owner(groupId, doctorId);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_MUTE))) {
            throw CareException.invalid(Violation.of("until", "RANGE", "group.mute-until", MAX_MUTE.toDays()));
        }
        MemberDO target = members.find(groupId, userId);
        if (target == null || target.role == GroupRole.OWNER) {
            throw CareException.notFound();
        }
        members.mute(groupId, userId, until);
        audit.record(doctorId, userId, "GROUP_MEMBER_MUTED", "group " + groupId + " until " + until);
    }

    /** Whether the member's earned stickers are celebrated in this group's feed (their choice, off by default). */
    @Transactional
    public void celebrate(long userId, long groupId, boolean celebrate) {
        member(groupId, userId);
        members.celebrate(groupId, userId, celebrate);
    }

    public List<MemberDO> celebrating(long userId) {
        return members.celebrating(userId);
    }

    /** The caller's membership; a group they are not in does not exist for them. */
    public MemberDO member(long groupId, long userId) {
        MemberDO m = members.find(groupId, userId);
        if (m == null) {
            throw CareException.notFound();
        }
        return m;
    }

    /** Moderation is the owner's: other members are refused, non-members do not see the group at all. */
    public MemberDO owner(long groupId, long userId) {
        MemberDO m = member(groupId, userId);
        if (m.role != GroupRole.OWNER) {
            throw new CareException(ProblemCode.FORBIDDEN, "group.owner-only");
        }
        return m;
    }

    public GroupDO group(long groupId) {
        return groups.selectById(groupId);
    }

    public List<Long> memberIds(long groupId) {
        return members.memberIds(groupId);
    }

    /** Everyone in the group, its owner included. */
    public List<Long> everyone(long groupId) {
        return members.allIds(groupId);
    }

    private void addMember(long groupId, long userId, GroupRole role) {
        UserAccount user = accounts.get(userId);
        MemberDO m = new MemberDO();
        m.groupId = groupId;
        m.userId = userId;
        m.role = role;
        m.displayName = user.displayName() != null ? user.displayName()
                : (role == GroupRole.OWNER ? "医生" : "病友") + String.format("%04d", userId % 10_000);
        m.joinedAt = clock.instant();
        members.insert(m);
    }

    private String inviteCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private GroupView view(GroupDO g, GroupRole role) {
        return new GroupView(g.id, g.name, g.description, g.condition, members.count(g.id), g.maxMembers, role,
                role == GroupRole.OWNER ? g.inviteCode : null, g.createdAt);
    }
}
