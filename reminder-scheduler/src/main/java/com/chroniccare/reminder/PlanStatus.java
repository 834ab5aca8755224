package com.chroniccare.reminder;

public enum PlanStatus { ACTIVE, STOPPED }
