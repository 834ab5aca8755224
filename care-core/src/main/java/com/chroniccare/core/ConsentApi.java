package com.chroniccare.core;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** PIPL consent: explicit, per scope and policy version, withdrawable. */
public interface ConsentApi {

    String currentPolicyVersion();

    List<Consent> grant(long userId, String policyVersion, Set<ConsentScope> scopes);

    void withdraw(long userId, ConsentScope scope);

    List<Consent> list(long userId);

    boolean hasConsented(long userId, ConsentScope scope);

    /** Those of the users who consented to the current policy for the scope, in one query. */
    Set<Long> consentedAmong(Collection<Long> userIds, ConsentScope scope);

    /** Throws {@link #consentRequired} unless the user consented to the current policy for the scope. */
    void require(long userId, ConsentScope scope);

    /** The {@code CONSENT_REQUIRED} problem for processing that needs consent to the current policy for the scope. */
    CareException consentRequired(ConsentScope scope);
}
