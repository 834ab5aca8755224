package com.chroniccare.core.careteam;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.core.InviteKind;
import com.chroniccare.core.Role;

@TableName("core_invite")
public class InviteDO {
    @TableId(type = IdType.INPUT)
    public String code;
    public InviteKind kind;
    public Role role;
    public Long careTeamId;
    public Long createdBy;
    public Instant createdAt;
    public Instant expiresAt;
    public Long redeemedBy;
    public Instant redeemedAt;
}
