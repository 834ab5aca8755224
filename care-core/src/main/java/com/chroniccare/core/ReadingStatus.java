package com.chroniccare.core;

public enum ReadingStatus {
    CREATED, DUPLICATE, REJECTED
}
