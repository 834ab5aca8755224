package com.chroniccare.core.consent;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.core.ConsentScope;

@TableName("core_consent")
public class ConsentDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long userId;
    public ConsentScope scope;
    public String policyVersion;
    public Instant grantedAt;
    public Instant withdrawnAt;
}
