package com.chroniccare.reminder.dose;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.reminder.DoseStatus;

/** A dose row; the plan's name, dose and instructions come along when read with {@link DoseMapper}'s joins. */
@TableName("rem_dose")
public class DoseDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long planId;
    public Long patientId;
    public Instant dueAt;
    public LocalDate localDate;
    public DoseStatus status;
    public Instant snoozedUntil;
    public Instant takenAt;
    public String skipReason;
    public Instant updatedAt;
    @TableField(exist = false)
    public String medication;
    @TableField(exist = false)
    public String doseText;
    @TableField(exist = false)
    public String instructions;
    @TableField(exist = false)
    public String timeZone;
}
