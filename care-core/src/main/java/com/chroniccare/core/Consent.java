package com.chroniccare.core;

import java.time.Instant;

public record Consent(ConsentScope scope, String policyVersion, Instant grantedAt, Instant withdrawnAt,
                      boolean current) {
}
