package com.chroniccare.core;

import java.time.Instant;

public record Invite(String code, InviteKind kind, Role role, Long careTeamId, Instant expiresAt) {
}
