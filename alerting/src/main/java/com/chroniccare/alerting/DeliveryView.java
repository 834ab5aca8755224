package com.chroniccare.alerting;

import java.time.Instant;

/** One attempt to notify someone about an alert: visible per alert, so failures are never silent. */
public record DeliveryView(long id, long recipientId, AlertMessage.Kind kind, String status, int attempt,
                           Integer errorCode, String error, Instant at, Instant retryAt) {
}
