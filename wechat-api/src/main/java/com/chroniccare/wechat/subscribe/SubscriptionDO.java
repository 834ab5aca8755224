package com.chroniccare.wechat.subscribe;

import java.time.Instant;

/** A row of wx_subscription: one user's authorisations for one template. */
public class SubscriptionDO {
    public Long userId;
    public String templateId;
    public Integer remaining;
    public Decision status;
    public Source lastCreditSource;
    public Instant lastCreditAt;
    public Boolean lastCreditPaired;
    public Instant updatedAt;
}
