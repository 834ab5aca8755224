package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.alerting.AlertFamily;

@TableName("alert_silence")
public class SilenceDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long patientId;
    public AlertFamily family;
    public Instant untilAt;
    public String reason;
    public Long createdBy;
    public Instant createdAt;
}
