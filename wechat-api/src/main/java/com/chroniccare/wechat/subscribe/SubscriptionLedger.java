package com.chroniccare.wechat.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.chroniccare.core.PatientDeleted;
import com.chroniccare.wechat.config.WeChatProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many subscribe messages each user still allows per template. A one-time template allows one message per
 * "accept"; a long-term one only needs the user not to have turned it off. Credited from the app's report and the
 * callback, debited before each send (under a row lock, so concurrent sends never take more than there is),
 * refunded when WeChat refused the message for another reason, and zeroed when WeChat says 43101.
 */
@Component
public class SubscriptionLedger {

    /**
     * The app and the callback each report the same "accept"; a report from the other source within this window is
     * taken as the same decision. Erring this way may undercount (then WeChat's 43101 is never hit, the app just
     * asks again); overcounting would send into a refusal.
     */
    static final Duration SAME_DECISION = Duration.ofMinutes(5);

    private final SubscriptionMapper rows;
    private final WeChatProperties.Templates templates;
    private final Clock clock;

    SubscriptionLedger(SubscriptionMapper rows, WeChatProperties properties, Clock clock) {
        this.rows = rows;
        this.templates = properties.templates();
        this.clock = clock;
    }

    /** A template's balance for one user; {@code remaining} is null for long-term templates. */
    public record Balance(String templateId, boolean longTerm, Integer remaining, Decision status) {

        public boolean canSend() {
            return status != Decision.BAN && (longTerm ? status == Decision.ACCEPT : remaining > 0);
        }
    }

    @Transactional
    public Balance record(long userId, String templateId, Decision decision, Source source, Instant at) {
        Instant now = clock.instant();
        rows.ensure(userId, templateId, now);
        SubscriptionDO row = rows.lock(userId, templateId);
        switch (decision) {
            case ACCEPT -> {
                if (!templates.isLongTerm(templateId)) {
                    credit(row, source, at);
                }
                row.status = Decision.ACCEPT;
            }
            // A rejected popup leaves earlier authorisations usable; a ban or a switch-off in settings does not.
            case REJECT -> row.status = Decision.REJECT;
            case BAN -> {
                row.status = Decision.BAN;
                row.remaining = 0;
            }
        }
        row.updatedAt = now;
        rows.save(row);
        return balance(row);
    }

    private static void credit(SubscriptionDO row, Source source, Instant at) {
        boolean secondReport = row.lastCreditSource != null && row.lastCreditSource != source
                && !Boolean.TRUE.equals(row.lastCreditPaired)
                && Duration.between(row.lastCreditAt, at).abs().compareTo(SAME_DECISION) <= 0;
        if (secondReport) {
            row.lastCreditPaired = true;
            return;
        }
        row.remaining++;
        row.lastCreditSource = source;
        row.lastCreditAt = at;
        row.lastCreditPaired = false;
    }

    /** Takes one authorisation from each user who has one; must run in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> reserve(String templateId, Collection<Long> userIds) {
        List<SubscriptionDO> locked = rows.lockAll(templateId, new TreeSet<>(userIds));
        Set<Long> granted = locked.stream().filter(r -> balance(r).canSend()).map(r -> r.userId)
                .collect(Collectors.toSet());
        if (!granted.isEmpty() && !templates.isLongTerm(templateId)) {
            rows.debit(templateId, new TreeSet<>(granted), clock.instant());
        }
        return granted;
    }

    /** Takes one authorisation for a single send (its own statement, no surrounding transaction needed). */
    public boolean reserveOne(long userId, String templateId) {
        if (templates.isLongTerm(templateId)) {
            SubscriptionDO row = rows.find(userId, templateId);
            return row != null && balance(row).canSend();
        }
        return rows.debitOne(userId, templateId, clock.instant()) == 1;
    }

    /** The message was not delivered and WeChat did not use the authorisation up. */
    public void refund(long userId, String templateId) {
        if (!templates.isLongTerm(templateId)) {
            rows.refund(userId, templateId, clock.instant());
        }
    }

    /** WeChat answered 43101: the user has nothing left or refused. */
    public void revoke(long userId, String templateId) {
        rows.revoke(userId, templateId, clock.instant());
    }

    public Balance balance(long userId, String templateId) {
        SubscriptionDO row = rows.find(userId, templateId);
        return row == null ? new Balance(templateId, templates.isLongTerm(templateId),
                templates.isLongTerm(templateId) ? null : 0, null) : balance(row);
    }

    @ApplicationModuleListener
    void on(PatientDeleted event) {
        rows.eraseOf(event.patientId());
    }

    private Balance balance(SubscriptionDO row) {
        boolean longTerm = templates.isLongTerm(row.templateId);
        return new Balance(row.templateId, longTerm, longTerm ? null : row.remaining, row.status);
    }
}
