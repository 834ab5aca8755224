package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("alert_team_policy")
public class TeamPolicyDO {
    @TableId(type = IdType.INPUT)
    public Long teamId;
    public Integer p1RepeatMinutes;
    public Integer p2RepeatMinutes;
    public Integer ackTimeoutMinutes;
    public Integer reackMinutes;
    public String nightStart;
    public String nightEnd;
    public Instant lastDigestAt;
    public Long updatedBy;
    public Instant updatedAt;
}
