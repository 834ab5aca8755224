package com.chroniccare.wechat.readings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.ReadingAssessment;
import com.chroniccare.alerting.Severity;
import com.chroniccare.core.CareException;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Page;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingStatus;
import com.chroniccare.core.ReadingSummary;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.core.Symptom;
import com.chroniccare.core.Violation;
import com.chroniccare.wechat.security.CurrentUser;
import com.chroniccare.wechat.web.JsonErrors;
import com.chroniccare.wechat.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/readings")
class ReadingsController {

    private final ReadingsApi readings;
    private final ObjectMapper json;
    private final Problems problems;
    private final ReadingsIntake intake;
    private final MessageSource messages;

    ReadingsController(ReadingsApi readings, ObjectMapper json, Problems problems, ReadingsIntake intake,
                       MessageSource messages) {
        this.readings = readings;
        this.json = json;
        this.problems = problems;
        this.intake = intake;
        this.messages = messages;
    }

    /** One submitted reading as JSON; parsed one by one so a malformed reading rejects only itself. */
    record ReadingPayload(String clientId, ReadingType type, Instant measuredAt, GlucosePayload glucose,
                          BloodPressurePayload bloodPressure, Set<Symptom> symptoms, ReadingSource source, String note) {

        ReadingInput toInput() {
            return new ReadingInput(clientId, type, measuredAt,
                    glucose == null ? null : new ReadingInput.Glucose(glucose.value, glucose.unit, glucose.context, glucose.flag),
                    bloodPressure == null ? null : new ReadingInput.BloodPressure(bloodPressure.systolic,
                            bloodPressure.diastolic, bloodPressure.pulse),
                    symptoms, source, note);
        }
    }

    record GlucosePayload(BigDecimal value, GlucoseUnit unit, GlucoseContext context, MeterFlag flag) {
    }

    record BloodPressurePayload(Integer systolic, Integer diastolic, Integer pulse) {
    }

    record Result(String clientId, ReadingStatus status, String readingId, Map<String, Object> problem,
                  List<RaisedAlert> alerts, AdviceDto advice) {
    }

    record RaisedAlert(String id, Severity severity, String rule) {
    }

    record AdviceDto(Advice code, String message) {
    }

    record BatchResponse(List<Result> results) {
    }

    @PostMapping
    BatchResponse record(@AuthenticationPrincipal CurrentUser me, @RequestBody JsonNode body, Locale locale) {
        JsonNode items = body.path("readings");
        if (!items.isArray() || items.isEmpty() || items.size() > ReadingsApi.MAX_BATCH) {
            throw CareException.invalid(Violation.of("readings", "SIZE", "reading.batch-size", ReadingsApi.MAX_BATCH));
        }
        // Parse each reading on its own; only the parsable ones go to the domain, results keep request order.
        List<ReadingOutcome> outcomes = new ArrayList<>(items.size());
        List<ReadingInput> parsed = new ArrayList<>(items.size());
        List<Integer> parsedAt = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            try {
                parsed.add(json.treeToValue(item, ReadingPayload.class).toInput());
                parsedAt.add(outcomes.size());
                outcomes.add(null);
            } catch (DatabindException e) {
                String clientId = item.path("clientId").isString() ? item.path("clientId").asString() : null;
                outcomes.add(ReadingOutcome.rejected(clientId, Problem.invalid(List.of(JsonErrors.violation(e)))));
            }
        }
        // Stored readings are assessed at once, so the patient sees the advice and any alert each raised.
        ReadingsIntake.Assessed done = parsed.isEmpty() ? null : intake.submit(me.id(), parsed);
        if (done != null) {
            List<ReadingOutcome> stored = done.stored().outcomesOrThrow();
            for (int i = 0; i < stored.size(); i++) {
                outcomes.set(parsedAt.get(i), stored.get(i));
            }
        }
        Map<Long, ReadingAssessment> assessed = done == null ? Map.of() : done.assessments();
        return new BatchResponse(outcomes.stream().map(o -> result(o, assessed, locale)).toList());
    }

    private Result result(ReadingOutcome o, Map<Long, ReadingAssessment> assessed, Locale locale) {
        if (o.readingId() == null) {
            return new Result(o.clientId(), o.status(), null, problems.body(o.problem(), locale), null, null);
        }
        ReadingAssessment assessment = assessed.get(o.readingId());
        if (assessment == null) {
            // A resend of a reading the patient has since deleted: nothing to assess.
            return new Result(o.clientId(), o.status(), String.valueOf(o.readingId()), null, null, null);
        }
        return new Result(o.clientId(), o.status(), String.valueOf(o.readingId()), null,
                assessment.alerts().isEmpty() ? null : assessment.alerts().stream()
                        .map(a -> new RaisedAlert(String.valueOf(a.alertId()), a.severity(), a.rule())).toList(),
                assessment.advice() == null ? null : new AdviceDto(assessment.advice(),
                        messages.getMessage("advice." + assessment.advice(), null, locale)));
    }

    @GetMapping
    Page<ReadingView> list(@AuthenticationPrincipal CurrentUser me, @Valid ReadingListParams params) {
        return readings.list(me.id(), params.toQuery()).map(ReadingView::from);
    }

    @GetMapping("/summary")
    ReadingSummary summary(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "7") int days) {
        return readings.summary(me.id(), days);
    }

    @GetMapping("/{id}")
    ReadingView get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return ReadingView.from(readings.get(me.id(), id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        readings.delete(me.id(), me.id(), id);
        return ResponseEntity.noContent().build();
    }
}
