/**
 * Alerting: evaluates every accepted reading against the patient's thresholds, keeps one episode per patient and
 * rule family, and pages the care team (repeat, escalate) until someone acknowledges. Root package = public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting")
package com.chroniccare.alerting;
