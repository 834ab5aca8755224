package com.chroniccare.core;

/** The meter showed "LO" or "HI": the true value lies beyond its measuring range. */
public enum MeterFlag {
    LO, HI
}
