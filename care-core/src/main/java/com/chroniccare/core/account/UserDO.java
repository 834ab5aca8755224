package com.chroniccare.core.account;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.Role;

@TableName("core_user")
public class UserDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Role role;
    public String openid;
    public String username;
    public String passwordHash;
    public String displayName;
    public Integer birthYear;
    public String sex;
    /** Comma-separated condition codes such as T2D,HTN. */
    public String conditions;
    public GlucoseUnit glucoseUnit;
    public String timeZone;
    public String phoneCipher;
    public Instant createdAt;
    public Instant deletedAt;
}
