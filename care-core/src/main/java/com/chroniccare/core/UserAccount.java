package com.chroniccare.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

public record UserAccount(long id, Role role, String displayName, String username, boolean wechatBound,
                          Integer birthYear, String sex, List<String> conditions, GlucoseUnit glucoseUnit,
                          ZoneId timeZone, boolean phoneOnFile, Instant createdAt) {
}
