package com.chroniccare.reminder.dose;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("rem_settings")
public class SettingsDO {
    @TableId(type = IdType.INPUT)
    public Long patientId;
    public String quietStart;
    public String quietEnd;
    public Instant updatedAt;
}
