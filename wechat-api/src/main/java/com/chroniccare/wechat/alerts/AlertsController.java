package com.chroniccare.wechat.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.AlertQuery;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.alerting.DeliveryView;
import com.chroniccare.alerting.Severity;
import com.chroniccare.alerting.Silence;
import com.chroniccare.alerting.TeamPolicy;
import com.chroniccare.alerting.ThresholdSettings;
import com.chroniccare.alerting.Thresholds;
import com.chroniccare.core.Page;
import com.chroniccare.wechat.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The care team's alert console: list, live stream, lifecycle, silences, thresholds and paging policy. */
@RestController
class AlertsController {

    private final AlertingApi alerting;
    private final AlertStream stream;

    AlertsController(AlertingApi alerting, AlertStream stream) {
        this.alerting = alerting;
        this.stream = stream;
    }

    record AlertDto(String id, String patientId, AlertFamily family, String rule, Severity severity, AlertStatus status,
                    boolean review, Instant openedAt, Instant updatedAt, Instant confirmUntil, Instant snoozedUntil,
                    int tier, int readingCount, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
                    Instant resolvedAt, String resolution, String resolutionNote) {
        static AlertDto from(AlertView a) {
            return new AlertDto(String.valueOf(a.id()), String.valueOf(a.patientId()), a.family(), a.rule(),
                    a.severity(), a.status(), a.review(), a.openedAt(), a.updatedAt(), a.confirmUntil(),
                    a.snoozedUntil(), a.tier(), a.readingCount(), id(a.acknowledgedBy()), a.acknowledgedAt(),
                    id(a.resolvedBy()), a.resolvedAt(), a.resolution(), a.resolutionNote());
        }

        private static String id(Long id) {
            return id == null ? null : String.valueOf(id);
        }
    }

    @GetMapping("/api/v1/alerts")
    Page<AlertDto> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) AlertStatus status,
                        @RequestParam(required = false) Severity severity,
                        @RequestParam(required = false) Long patientId, @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return alerting.list(me.id(), new AlertQuery(status, severity, patientId, cursor, limit)).map(AlertDto::from);
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal CurrentUser me) {
        return stream.connect(me.id());
    }

    @GetMapping("/api/v1/alerts/{id}")
    AlertDto get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return AlertDto.from(alerting.get(me.id(), id));
    }

    @GetMapping("/api/v1/alerts/{id}/deliveries")
    List<DeliveryView> deliveries(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return alerting.deliveries(me.id(), id);
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    AlertDto acknowledge(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return AlertDto.from(alerting.acknowledge(me.id(), id));
    }

    record NoteRequest(@NotBlank @Size(max = 500) String note) {
    }

    @PostMapping("/api/v1/alerts/{id}/resolve")
    AlertDto resolve(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                     @Valid @RequestBody NoteRequest request) {
        return AlertDto.from(alerting.resolve(me.id(), id, request.note()));
    }

    record SnoozeRequest(@NotNull Integer minutes) {
    }

    @PostMapping("/api/v1/alerts/{id}/snooze")
    AlertDto snooze(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                    @Valid @RequestBody SnoozeRequest request) {
        return AlertDto.from(alerting.snooze(me.id(), id, request.minutes()));
    }

    record SilenceRequest(AlertFamily rule, @NotNull Instant until, @NotBlank @Size(max = 255) String reason) {
    }

    @PostMapping("/api/v1/staff/patients/{patientId}/silences")
    @ResponseStatus(HttpStatus.CREATED)
    Silence silence(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                    @Valid @RequestBody SilenceRequest request) {
        return alerting.silence(me.id(), patientId, request.rule(), request.until(), request.reason());
    }

    @GetMapping("/api/v1/staff/patients/{patientId}/silences")
    List<Silence> silences(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId) {
        return alerting.silences(me.id(), patientId);
    }

    @GetMapping("/api/v1/staff/patients/{patientId}/thresholds")
    ThresholdSettings thresholds(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId) {
        return alerting.thresholds(me.id(), patientId);
    }

    record ThresholdsRequest(@NotNull Thresholds thresholds, @NotBlank @Size(max = 255) String reason) {
    }

    @PutMapping("/api/v1/staff/patients/{patientId}/thresholds")
    ThresholdSettings setThresholds(@AuthenticationPrincipal CurrentUser me, @PathVariable long patientId,
                                    @Valid @RequestBody ThresholdsRequest request) {
        return alerting.setThresholds(me.id(), patientId, request.thresholds(), request.reason());
    }

    record PolicyRequest(@NotNull Integer p1RepeatMinutes, @NotNull Integer p2RepeatMinutes,
                         @NotNull Integer ackTimeoutMinutes, @NotNull Integer reackMinutes,
                         @NotNull LocalTime nightStart, @NotNull LocalTime nightEnd) {
    }

    @GetMapping("/api/v1/staff/care-teams/{teamId}/alert-policy")
    TeamPolicy policy(@AuthenticationPrincipal CurrentUser me, @PathVariable long teamId) {
        return alerting.policy(me.id(), teamId);
    }

    @PutMapping("/api/v1/staff/care-teams/{teamId}/alert-policy")
    TeamPolicy setPolicy(@AuthenticationPrincipal CurrentUser me, @PathVariable long teamId,
                         @Valid @RequestBody PolicyRequest r) {
        return alerting.setPolicy(me.id(), teamId, new TeamPolicy(r.p1RepeatMinutes(), r.p2RepeatMinutes(),
                r.ackTimeoutMinutes(), r.reackMinutes(), r.nightStart(), r.nightEnd()));
    }
}
