/**
 * Support groups module. Its root package is its public API; it depends only on care-core's API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support groups")
package com.chroniccare.groups;
