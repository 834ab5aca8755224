package com.chroniccare.alerting.rules;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.Severity;

/** One rule that a reading met; {@code hold} means wait for a confirming repeat before paging anyone. */
public record Finding(AlertFamily family, String rule, Severity severity, boolean hold, Advice advice) {
}
