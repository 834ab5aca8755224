package com.chroniccare.core.careteam;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("core_care_team")
public class CareTeamDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public String name;
    public Long createdBy;
    public Instant createdAt;
}
