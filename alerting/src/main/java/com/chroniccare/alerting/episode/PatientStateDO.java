package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("alert_patient")
public class PatientStateDO {
    @TableId(type = IdType.INPUT)
    public Long patientId;
    /** JSON of a Thresholds override, or null for the defaults. */
    public String thresholds;
    public Long thresholdsBy;
    public Instant thresholdsAt;
    public String thresholdsReason;
    public Instant lastMeasuredAt;
    public Integer missedLevel;
}
