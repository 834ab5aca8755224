package com.chroniccare.alerting.episode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.chroniccare.alerting.AlertMessage;
import com.chroniccare.alerting.AlertNotifier;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.DeliveryResult;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.config.AlertingProperties;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications and keeps the delivery log. Each attempt is written as SENDING before the call and finished
 * after it, so a failure is visible per alert and retried with backoff; an attempt left SENDING by a crash is picked
 * up again (a possible duplicate page is preferred to a lost one).
 */
@Component
class Pager {

    private static final Logger log = LoggerFactory.getLogger(Pager.class);
    private static final Duration STALE_SENDING = Duration.ofMinutes(2);

    private final AlertMapper alerts;
    private final DeliveryMapper deliveries;
    private final SilenceMapper silences;
    private final CareTeamsApi teams;
    private final ConsentApi consents;
    private final AlertNotifier notifier;
    private final AlertingProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    Pager(AlertMapper alerts, DeliveryMapper deliveries, SilenceMapper silences, CareTeamsApi teams,
          ConsentApi consents, AlertNotifier notifier, AlertingProperties properties, Clock clock,
          PlatformTransactionManager transactions) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.silences = silences;
        this.teams = teams;
        this.consents = consents;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Pages the care-team tiers up to the alert's current tier, if the alert should page at all right now. */
    void page(AlertDO alert, AlertMessage.Kind kind) {
        Instant now = clock.instant();
        Optional<CareTeam> team = teams.teamOfPatient(alert.patientId);
        if (team.isEmpty() || !pageable(alert, now)) {
            return;
        }
        List<DeliveryDO> attempts = tx.execute(status -> team.get().members().stream()
                .filter(member -> member.tier() <= alert.tier)
                .map(member -> open(alert.id, alert.patientId, member.userId(), kind, alert.severity, alert.rule, now))
                .toList());
        attempts.forEach(this::send);
    }

    /** A notification to the patient themself (a nudge to measure), outside any episode. */
    void notifyPatient(long patientId, AlertMessage.Kind kind) {
        send(tx.execute(status -> open(null, patientId, patientId, kind, null, null, clock.instant())));
    }

    void digest(long recipientId, int warnings) {
        send(tx.execute(status -> open(null, null, recipientId, AlertMessage.Kind.DIGEST, Severity.P3,
                "P3_DIGEST:" + warnings, clock.instant())));
    }

    /** Retries failed attempts whose backoff has passed, and attempts a crashed instance left behind. */
    void retryDue() {
        Instant now = clock.instant();
        for (DeliveryDO d : deliveries.due(now, now.minus(STALE_SENDING))) {
            if (deliveries.claim(d.id, d.status, d.updatedAt, now) == 1) {
                d.attempt++;
                send(d);
            }
        }
    }

    /** Open, live (not review), paging severity, not snoozed, not silenced, not outranked within its parameter. */
    private boolean pageable(AlertDO a, Instant now) {
        return a.status == AlertStatus.OPEN && !a.review && a.severity.pages()
                && (a.snoozedUntil == null || !a.snoozedUntil.isAfter(now))
                && silences.active(a.patientId, a.family, now) == 0
                && alerts.outranked(a.patientId, a.parameter.name(), a.severity) == 0
                && consents.hasConsented(a.patientId, ConsentScope.CARE_TEAM_SHARING);
    }

    private DeliveryDO open(Long alertId, Long patientId, long recipientId, AlertMessage.Kind kind, Severity severity,
                            String rule, Instant now) {
        DeliveryDO d = new DeliveryDO();
        d.alertId = alertId;
        d.patientId = patientId;
        d.recipientId = recipientId;
        d.kind = kind;
        d.severity = severity;
        d.rule = rule;
        d.status = "SENDING";
        d.attempt = 1;
        d.createdAt = now;
        d.updatedAt = now;
        deliveries.insert(d);
        return d;
    }

    private void send(DeliveryDO d) {
        DeliveryResult result;
        try {
            result = notifier.deliver(new AlertMessage(d.recipientId, d.alertId, d.patientId, d.kind, d.severity,
                    d.rule, d.createdAt));
        } catch (RuntimeException e) {
            log.warn("delivery {} failed: {}", d.id, e.toString());
            result = DeliveryResult.failed(true, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        if (result.sent()) {
            deliveries.finish(d.id, "SENT", null, null, null, now);
        } else {
            boolean retry = result.retryable() && d.attempt < properties.deliveryAttempts();
            Instant retryAt = retry ? now.plus(properties.deliveryBackoff().multipliedBy(1L << (d.attempt - 1))) : null;
            String error = result.error() == null || result.error().length() <= 255 ? result.error()
                    : result.error().substring(0, 255);
            deliveries.finish(d.id, "FAILED", result.errorCode(), error, retryAt, now);
        }
    }
}
