package com.chroniccare.core.audit;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("core_audit_log")
public class AuditDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Instant at;
    public Long actorId;
    public Long patientId;
    public String action;
    public String detail;
}
