package com.chroniccare.core.reading;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;

@TableName("core_reading")
public class ReadingDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long patientId;
    public String clientId;
    /** SHA-256 of the reading's content: a resent clientId with other content is a conflict, not a duplicate. */
    public String contentHash;
    public ReadingType type;
    public Instant measuredAt;
    public Instant receivedAt;
    public Boolean lateBackfill;
    public BigDecimal glucoseMmol;
    public BigDecimal glucoseValue;
    public GlucoseUnit glucoseUnit;
    public GlucoseContext glucoseContext;
    public MeterFlag glucoseFlag;
    public Integer systolic;
    public Integer diastolic;
    public Integer pulse;
    /** Comma-separated symptom codes. */
    public String symptoms;
    public ReadingSource source;
    public String note;
    public Instant deletedAt;
}
