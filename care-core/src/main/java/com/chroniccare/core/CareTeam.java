package com.chroniccare.core;

import java.util.List;

public record CareTeam(long id, String name, List<Member> members) {

    /** A staff member and their escalation tier (1 is paged first). */
    public record Member(long userId, String displayName, Role role, int tier) {
    }
}
