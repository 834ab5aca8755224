package com.chroniccare.core.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.Consent;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Violation;
import com.chroniccare.core.config.CoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ConsentService implements ConsentApi {

    private final ConsentMapper mapper;
    private final AuditApi audit;
    private final Clock clock;
    private final String policyVersion;

    ConsentService(ConsentMapper mapper, AuditApi audit, Clock clock, CoreProperties properties) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.policyVersion = properties.consent().policyVersion();
    }

    @Override
    public String currentPolicyVersion() {
        return policyVersion;
    }

    @Override
    @Transactional
    public List<Consent> grant(long userId, String version, Set<ConsentScope> scopes) {
        if (!policyVersion.equals(version)) {
            throw CareException.invalid(Violation.of("policyVersion", "POLICY_OUTDATED",
                    "consent.policy-outdated", policyVersion));
        }
        Instant now = clock.instant();
        for (ConsentScope scope : scopes) {
            if (mapper.countActive(userId, scope, version) > 0) {
                continue;
            }
            // A consent to an older policy version is superseded, not kept alongside.
            mapper.withdraw(userId, scope, now);
            ConsentDO row = new ConsentDO();
            row.userId = userId;
            row.scope = scope;
            row.policyVersion = version;
            row.grantedAt = now;
            mapper.insert(row);
            audit.record(userId, userId, "CONSENT_GRANTED", scope + " v" + version);
        }
        return list(userId);
    }

    @Override
    @Transactional
    public void withdraw(long userId, ConsentScope scope) {
        if (mapper.withdraw(userId, scope, clock.instant()) > 0) {
            audit.record(userId, userId, "CONSENT_WITHDRAWN", scope.name());
        }
    }

    /** Withdraws every scope at once, as part of erasing an account. */
    public void withdrawAll(long userId) {
        mapper.withdrawAll(userId, clock.instant());
    }

    @Override
    public List<Consent> list(long userId) {
        Map<ConsentScope, Consent> latest = new EnumMap<>(ConsentScope.class);
        for (ConsentDO row : mapper.history(userId)) {
            latest.put(row.scope, new Consent(row.scope, row.policyVersion, row.grantedAt, row.withdrawnAt,
                    row.withdrawnAt == null && policyVersion.equals(row.policyVersion)));
        }
        return List.copyOf(latest.values());
    }

    @Override
    public boolean hasConsented(long userId, ConsentScope scope) {
        return mapper.countActive(userId, scope, policyVersion) > 0;
    }

    @Override
    public void require(long userId, ConsentScope scope) {
        if (!hasConsented(userId, scope)) {
            throw consentRequired(scope);
        }
    }

    @Override
    public Set<Long> consentedAmong(Collection<Long> userIds, ConsentScope scope) {
        return userIds.isEmpty() ? Set.of() : new HashSet<>(mapper.consentedAmong(userIds, scope, policyVersion));
    }

    @Override
    public CareException consentRequired(ConsentScope scope) {
        return new CareException(ProblemCode.CONSENT_REQUIRED, "consent.required", scope.name(), policyVersion);
    }
}
