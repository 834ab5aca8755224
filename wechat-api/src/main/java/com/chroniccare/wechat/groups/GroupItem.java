package com.chroniccare.wechat.groups;

import java.time.Instant;

import com.chroniccare.groups.GroupCondition;
import com.chroniccare.groups.GroupRole;
import com.chroniccare.groups.GroupView;

/** A group as the API shows it; ids are strings. */
record GroupItem(String id, String name, String description, GroupCondition condition, int members, int maxMembers,
                 GroupRole myRole, String inviteCode, Instant createdAt) {

    static GroupItem from(GroupView g) {
        return new GroupItem(String.valueOf(g.id()), g.name(), g.description(), g.condition(), g.members(),
                g.maxMembers(), g.myRole(), g.inviteCode(), g.createdAt());
    }
}
