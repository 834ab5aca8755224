package com.chroniccare.wechat.subscribe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chroniccare.core.CareException;
import com.chroniccare.core.Problem;
import com.chroniccare.core.Role;
import com.chroniccare.core.Violation;
import com.chroniccare.wechat.config.WeChatProperties;
import com.chroniccare.wechat.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's side of the ledger: which templates to ask the user for (wx.requestSubscribeMessage), what is left of
 * each, and the user's answers.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionsController {

    enum Purpose { REMINDER, ALERT, GROUP }

    record TemplateView(String templateId, Purpose purpose, boolean longTerm, Integer remaining, Decision status) {
    }

    record Report(Map<String, String> results) {
    }

    private final SubscriptionLedger ledger;
    private final WeChatProperties.Templates templates;
    private final Clock clock;

    SubscriptionsController(SubscriptionLedger ledger, WeChatProperties properties, Clock clock) {
        this.ledger = ledger;
        this.templates = properties.templates();
        this.clock = clock;
    }

    @GetMapping
    List<TemplateView> list(@AuthenticationPrincipal CurrentUser me) {
        List<TemplateView> out = new ArrayList<>();
        catalogue(me.role()).forEach((templateId, purpose) -> {
            SubscriptionLedger.Balance b = ledger.balance(me.id(), templateId);
            out.add(new TemplateView(templateId, purpose, b.longTerm(), b.remaining(), b.status()));
        });
        return out;
    }

    /** The result object of wx.requestSubscribeMessage, e.g. {@code {"results": {"<templateId>": "accept"}}}. */
    @PostMapping
    List<TemplateView> report(@AuthenticationPrincipal CurrentUser me, @RequestBody Report report) {
        Map<String, Purpose> mine = catalogue(me.role());
        List<Violation> problems = new ArrayList<>();
        if (report.results() == null || report.results().isEmpty()) {
            problems.add(Violation.of("results", "REQUIRED", "field.required"));
        } else {
            report.results().forEach((templateId, answer) -> {
                if (!mine.containsKey(templateId)) {
                    problems.add(Violation.of("results." + templateId, "UNKNOWN_TEMPLATE", "subscription.unknown-template"));
                } else if (!List.of("accept", "reject", "ban", "filter").contains(String.valueOf(answer))) {
                    problems.add(Violation.of("results." + templateId, "UNKNOWN_VALUE", "field.unknown-value",
                            answer, "accept, reject, ban, filter"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new CareException(Problem.invalid(problems));
        }
        report.results().forEach((templateId, answer) ->
                ledger.record(me.id(), templateId, Decision.of(answer), Source.APP, clock.instant()));
        return list(me);
    }

    private Map<String, Purpose> catalogue(Role role) {
        Map<String, Purpose> c = new LinkedHashMap<>();
        if (role == Role.PATIENT) {
            c.put(templates.reminder(), Purpose.REMINDER);
            c.put(templates.patientNudge(), Purpose.REMINDER);
        } else {
            c.put(templates.alert(), Purpose.ALERT);
        }
        c.put(templates.group(), Purpose.GROUP);
        return c;
    }
}
