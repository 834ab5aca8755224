package com.chroniccare.core;

public enum ReadingSource {
    MANUAL, DEVICE
}
