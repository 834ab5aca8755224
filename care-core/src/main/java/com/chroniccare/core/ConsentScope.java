package com.chroniccare.core;

public enum ConsentScope {
    HEALTH_DATA, CARE_TEAM_SHARING, GROUPS
}
