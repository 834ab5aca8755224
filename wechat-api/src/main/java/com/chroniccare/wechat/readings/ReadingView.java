package com.chroniccare.wechat.readings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.Symptom;

/** A reading as clients see it: glucose as entered plus its canonical mmol/L value. */
public record ReadingView(String id, String clientId, ReadingType type, Instant measuredAt, Instant receivedAt,
                          boolean lateBackfill, Glucose glucose, BloodPressure bloodPressure, Set<Symptom> symptoms,
                          ReadingSource source, String note) {

    public record Glucose(BigDecimal value, GlucoseUnit unit, BigDecimal mmolL, GlucoseContext context, MeterFlag flag) {
    }

    public record BloodPressure(Integer systolic, Integer diastolic, Integer pulse) {
    }

    public static ReadingView from(Reading r) {
        return new ReadingView(String.valueOf(r.id()), r.clientId(), r.type(), r.measuredAt(), r.receivedAt(),
                r.lateBackfill(),
                r.type() == ReadingType.GLUCOSE ? new Glucose(r.glucoseValue(), r.glucoseUnit(), r.glucoseMmol(),
                        r.glucoseContext(), r.glucoseFlag()) : null,
                r.type() == ReadingType.BLOOD_PRESSURE ? new BloodPressure(r.systolic(), r.diastolic(), r.pulse()) : null,
                r.symptoms(), r.source(), r.note());
    }
}
