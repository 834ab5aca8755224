package com.chroniccare.alerting.episode;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chroniccare.alerting.TeamPolicy;
import com.chroniccare.alerting.ThresholdSettings;
import com.chroniccare.alerting.Thresholds;
import com.chroniccare.alerting.config.AlertingProperties;
import com.chroniccare.alerting.rules.DefaultThresholds;
import com.chroniccare.core.CareException;
import com.chroniccare.core.Problem;
import com.chroniccare.core.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Per-patient thresholds and per-team paging policies: stored overrides, or the defaults. */
@Component
class Settings {

    private final PatientStateMapper patients;
    private final TeamPolicyMapper policies;
    private final AlertingProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Settings(PatientStateMapper patients, TeamPolicyMapper policies, AlertingProperties properties, Clock clock) {
        this.patients = patients;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
    }

    Thresholds thresholdsOf(PatientStateDO state) {
        return state == null || state.thresholds == null ? DefaultThresholds.DEFAULTS
                : json.readValue(state.thresholds, Thresholds.class);
    }

    ThresholdSettings settingsOf(long patientId) {
        PatientStateDO state = patients.selectById(patientId);
        return new ThresholdSettings(thresholdsOf(state), state == null || state.thresholds == null,
                state == null ? null : state.thresholdsBy, state == null ? null : state.thresholdsAt,
                state == null ? null : state.thresholdsReason);
    }

    void setThresholds(long staffId, long patientId, Thresholds thresholds, String reason) {
        List<Violation> violations = DefaultThresholds.check(thresholds);
        if (reason == null || reason.isBlank()) {
            violations = new java.util.ArrayList<>(violations);
            violations.add(Violation.of("reason", "REQUIRED", "field.required"));
        }
        if (!violations.isEmpty()) {
            throw new CareException(Problem.invalid(violations));
        }
        create(patientId);
        PatientStateDO state = lock(List.of(patientId)).get(patientId);
        state.thresholds = json.writeValueAsString(thresholds);
        state.thresholdsBy = staffId;
        state.thresholdsAt = clock.instant();
        state.thresholdsReason = reason;
        patients.updateById(state);
    }

    /**
     * Creates the patient's state row if it does not exist. Called before the transaction that locks it: creating
     * it inside that transaction lets two first evaluations of one patient deadlock on the insert.
     */
    void create(long patientId) {
        create(List.of(patientId));
    }

    /** {@link #create(long)} for several patients, with one query for those that exist. */
    void create(Collection<Long> patientIds) {
        Set<Long> existing = new HashSet<>(patients.existing(patientIds));
        for (Long patientId : patientIds) {
            if (existing.contains(patientId)) {
                continue;
            }
            try {
                PatientStateDO fresh = new PatientStateDO();
                fresh.patientId = patientId;
                fresh.missedLevel = 0;
                patients.insert(fresh);
            } catch (DuplicateKeyException raced) {
                // Another evaluation created it first.
            }
        }
    }

    /**
     * The patients' state rows that exist, locked in id order until the transaction ends, by patient id (see
     * {@link #create}).
     */
    Map<Long, PatientStateDO> lock(Collection<Long> patientIds) {
        Map<Long, PatientStateDO> states = new HashMap<>();
        patients.lock(patientIds).forEach(state -> states.put(state.patientId, state));
        return states;
    }

    TeamPolicy policyOf(long teamId) {
        TeamPolicyDO row = policies.selectById(teamId);
        return row == null ? defaults() : new TeamPolicy(row.p1RepeatMinutes, row.p2RepeatMinutes,
                row.ackTimeoutMinutes, row.reackMinutes, LocalTime.parse(row.nightStart), LocalTime.parse(row.nightEnd));
    }

    void setPolicy(long staffId, long teamId, TeamPolicy p) {
        List<Violation> v = new java.util.ArrayList<>();
        bounded(v, "p1RepeatMinutes", p.p1RepeatMinutes(), 1, 15);
        bounded(v, "p2RepeatMinutes", p.p2RepeatMinutes(), 5, 60);
        bounded(v, "ackTimeoutMinutes", p.ackTimeoutMinutes(), 2, 60);
        bounded(v, "reackMinutes", p.reackMinutes(), 10, 240);
        if (p.nightStart() == null || p.nightEnd() == null) {
            v.add(Violation.of("nightStart", "REQUIRED", "field.required"));
        }
        if (!v.isEmpty()) {
            throw new CareException(Problem.invalid(v));
        }
        TeamPolicyDO row = row(teamId, p);
        row.updatedBy = staffId;
        row.updatedAt = clock.instant();
        if (policies.selectById(teamId) == null) {
            policies.insert(row);
        } else {
            policies.updateById(row);
        }
    }

    /** The team's policy row, created from the defaults, so its digest can be claimed. */
    void ensurePolicy(long teamId) {
        if (policies.selectById(teamId) == null) {
            try {
                policies.insert(row(teamId, defaults()));
            } catch (DuplicateKeyException raced) {
                // Created concurrently by another instance: fine.
            }
        }
    }

    /** Claims today's digest for a team; false if it already went out. */
    boolean claimDigest(long teamId, java.time.Instant morning, java.time.Instant now) {
        return policies.claimDigest(teamId, morning, now) == 1;
    }

    private TeamPolicy defaults() {
        return new TeamPolicy(properties.p1RepeatMinutes(), properties.p2RepeatMinutes(),
                properties.ackTimeoutMinutes(), properties.reackMinutes(), properties.nightStart(), properties.nightEnd());
    }

    private static TeamPolicyDO row(long teamId, TeamPolicy p) {
        TeamPolicyDO row = new TeamPolicyDO();
        row.teamId = teamId;
        row.p1RepeatMinutes = p.p1RepeatMinutes();
        row.p2RepeatMinutes = p.p2RepeatMinutes();
        row.ackTimeoutMinutes = p.ackTimeoutMinutes();
        row.reackMinutes = p.reackMinutes();
        row.nightStart = p.nightStart().toString();
        row.nightEnd = p.nightEnd().toString();
        return row;
    }

    private static void bounded(List<Violation> v, String field, int value, int min, int max) {
        if (value < min || value > max) {
            v.add(Violation.of(field, "OUT_OF_RANGE", "reading.out-of-range", min, max));
        }
    }
}
