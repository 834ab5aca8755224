package com.chroniccare.core;

import java.util.List;
import java.util.Set;

/** PIPL consent: explicit, per scope and policy version, withdrawable. */
public interface ConsentApi {

    String currentPolicyVersion();

    List<Consent> grant(long userId, String policyVersion, Set<ConsentScope> scopes);

    void withdraw(long userId, ConsentScope scope);

    List<Consent> list(long userId);

    boolean hasConsented(long userId, ConsentScope scope);

    /** Throws {@code CONSENT_REQUIRED} unless the user consented to the current policy for the scope. */
    void require(long userId, ConsentScope scope);
}
