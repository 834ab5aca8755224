package com.chroniccare.core;

public enum ReadingType {
    GLUCOSE, BLOOD_PRESSURE
}
