/**
 * care-core: accounts, roles, care teams, consent, readings and audit. The types in this package are the module's
 * public API; everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care core")
package com.chroniccare.core;
