/**
 * Alerting module. Its root package is its public API; it depends only on care-core's API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting")
package com.chroniccare.alerting;
