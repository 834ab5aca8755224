package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.alerting.AlertMessage;
import com.chroniccare.alerting.Severity;

@TableName("alert_delivery")
public class DeliveryDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long alertId;
    public Long patientId;
    public Long recipientId;
    public AlertMessage.Kind kind;
    public Severity severity;
    public String rule;
    /** SENDING, SENT or FAILED; FAILED with a retry_at is tried again. */
    public String status;
    public Integer attempt;
    public Integer errorCode;
    public String error;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant retryAt;
}
