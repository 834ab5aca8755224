package com.chroniccare.alerting;

/** The outcome of one delivery attempt; a retryable failure is tried again with backoff. */
public record DeliveryResult(boolean sent, boolean retryable, Integer errorCode, String error) {

    public static DeliveryResult ok() {
        return new DeliveryResult(true, false, null, null);
    }

    public static DeliveryResult failed(boolean retryable, Integer errorCode, String error) {
        return new DeliveryResult(false, retryable, errorCode, error);
    }
}
