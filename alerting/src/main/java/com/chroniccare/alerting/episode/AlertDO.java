package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.alerting.AlertFamily;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.Severity;

@TableName("alert_alert")
public class AlertDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long patientId;
    public AlertFamily family;
    public AlertFamily.Parameter parameter;
    public String rule;
    public Severity severity;
    public AlertStatus status;
    public Boolean review;
    public String openKey;
    public Instant openedAt;
    public Instant updatedAt;
    public Instant confirmUntil;
    public Instant nextNotifyAt;
    public Instant ackDeadline;
    public Integer tier;
    public Instant snoozedUntil;
    public Integer readingCount;
    public Long acknowledgedBy;
    public Instant acknowledgedAt;
    public Long resolvedBy;
    public Instant resolvedAt;
    public String resolution;
    public String resolutionNote;
    public Integer version;

    static String openKey(long patientId, AlertFamily family) {
        return patientId + ":" + family;
    }
}
