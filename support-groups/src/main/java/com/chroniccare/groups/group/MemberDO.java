package com.chroniccare.groups.group;

import java.time.Instant;

import com.chroniccare.groups.GroupRole;

/** A row of grp_member (keyed by group and user, so written with explicit statements). */
public class MemberDO {
    public Long groupId;
    public Long userId;
    public GroupRole role;
    public String displayName;
    public Instant mutedUntil;
    public Boolean celebrate;
    public Instant joinedAt;
}
