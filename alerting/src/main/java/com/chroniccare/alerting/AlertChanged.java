package com.chroniccare.alerting;

/** An alert was raised or changed state; drives the care team's live stream. */
public record AlertChanged(AlertView alert) {
}
