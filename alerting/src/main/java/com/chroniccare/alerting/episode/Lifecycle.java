package com.chroniccare.alerting.episode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.chroniccare.alerting.AlertChanged;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.TeamPolicy;
import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** State changes of an alert episode, shared by evaluation, timers and clinicians: timers, saving, publishing. */
@Component
class Lifecycle {

    private final AlertMapper alerts;
    private final Settings settings;
    private final CareTeamsApi teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Lifecycle(AlertMapper alerts, Settings settings, CareTeamsApi teams, ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.settings = settings;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    TeamPolicy policyFor(long patientId) {
        return settings.policyOf(teams.teamOfPatient(patientId).map(t -> t.id()).orElse(-1L));
    }

    int maxTier(long patientId) {
        return teams.teamOfPatient(patientId).map(t -> t.members().stream().mapToInt(m -> m.tier()).max().orElse(1))
                .orElse(1);
    }

    /** Starts the paging clock of an open alert: next repeat and the deadline for the current tier to acknowledge. */
    void arm(AlertDO a, Instant now) {
        if (a.severity.pages() && !a.review) {
            TeamPolicy p = policyFor(a.patientId);
            a.nextNotifyAt = now.plus(repeat(a.severity, p));
            a.ackDeadline = now.plus(Duration.ofMinutes(p.ackTimeoutMinutes()));
        } else {
            a.nextNotifyAt = null;
            a.ackDeadline = null;
        }
    }

    static Duration repeat(Severity severity, TeamPolicy p) {
        return Duration.ofMinutes(severity == Severity.P1 ? p.p1RepeatMinutes() : p.p2RepeatMinutes());
    }

    void resolve(AlertDO a, Long by, String resolution, String note) {
        a.status = AlertStatus.RESOLVED;
        a.openKey = null;
        a.resolvedBy = by;
        a.resolvedAt = clock.instant();
        a.resolution = resolution;
        a.resolutionNote = note;
        a.nextNotifyAt = null;
        a.ackDeadline = null;
        a.confirmUntil = null;
    }

    /** Saves the alert if nobody changed it meanwhile, and tells the care team's live stream. */
    boolean trySave(AlertDO a) {
        a.updatedAt = clock.instant();
        if (alerts.saveIfUnchanged(a) == 0) {
            return false;
        }
        a.version++;
        events.publishEvent(new AlertChanged(view(a)));
        return true;
    }

    void save(AlertDO a) {
        if (!trySave(a)) {
            throw new CareException(ProblemCode.CONFLICT, "alert.changed");
        }
    }

    void insert(AlertDO a) {
        a.updatedAt = clock.instant();
        a.version = 0;
        alerts.insert(a);
        events.publishEvent(new AlertChanged(view(a)));
    }

    static AlertView view(AlertDO a) {
        return new AlertView(a.id, a.patientId, a.family, a.rule, a.severity, a.status, a.review, a.openedAt,
                a.updatedAt, a.confirmUntil, a.snoozedUntil, a.tier, a.readingCount, a.acknowledgedBy,
                a.acknowledgedAt, a.resolvedBy, a.resolvedAt, a.resolution, a.resolutionNote);
    }
}
