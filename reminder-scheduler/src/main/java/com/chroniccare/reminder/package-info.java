/**
 * Reminder scheduler module. Its root package is its public API; it depends only on care-core's API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminder scheduler")
package com.chroniccare.reminder;
