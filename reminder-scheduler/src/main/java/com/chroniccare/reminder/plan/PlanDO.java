package com.chroniccare.reminder.plan;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.reminder.PlanStatus;

@TableName("rem_plan")
public class PlanDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long patientId;
    public String name;
    public String dose;
    public String instructions;
    public String timesOfDay;
    public String daysOfWeek;
    public LocalDate startDate;
    public LocalDate endDate;
    public String timeZone;
    public PlanStatus status;
    public Instant generatedUntil;
    public Integer missedInRow;
    public Long createdBy;
    public Instant createdAt;
    public Long updatedBy;
    public Instant updatedAt;
}
