package com.chroniccare.core;

public enum GlucoseContext {
    FASTING, PRE_MEAL, POST_MEAL_2H, BEDTIME, RANDOM
}
