package com.chroniccare.core;

import java.time.ZoneId;
import java.util.List;

public record ProfileUpdate(String displayName, Integer birthYear, String sex, List<String> conditions,
                            GlucoseUnit glucoseUnit, ZoneId timeZone) {
}
