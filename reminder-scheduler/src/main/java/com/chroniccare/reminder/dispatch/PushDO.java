package com.chroniccare.reminder.dispatch;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("rem_push")
public class PushDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long patientId;
    public Instant dueAt;
    public String timeZone;
    public PushStatus status;
    public Instant nextAttemptAt;
    public Integer attempts;
    public Instant leaseUntil;
    public String claimedBy;
    public Instant sentAt;
    public Integer errorCode;
    public String error;

    public static PushDO due(long patientId, Instant dueAt, String timeZone) {
        PushDO p = new PushDO();
        p.patientId = patientId;
        p.dueAt = dueAt;
        p.timeZone = timeZone;
        return p;
    }
}
