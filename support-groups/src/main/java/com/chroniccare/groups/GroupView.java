package com.chroniccare.groups;

import java.time.Instant;

/** A group as one of its members sees it; the invite code only for its owner. */
public record GroupView(long id, String name, String description, GroupCondition condition, int members,
                        int maxMembers, GroupRole myRole, String inviteCode, Instant createdAt) {
}
