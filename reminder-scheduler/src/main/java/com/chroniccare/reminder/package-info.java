/**
 * Medication plans, their doses and the reminders for them. Its root package is its public API; it depends only on
 * care-core's API and events. Reminder delivery goes through a {@link com.chroniccare.reminder.ReminderChannel}
 * that the application provides (WeChat subscribe messages).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminder scheduler")
package com.chroniccare.reminder;
