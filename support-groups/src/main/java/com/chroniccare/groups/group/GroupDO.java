package com.chroniccare.groups.group;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.groups.GroupCondition;

@TableName("grp_group")
public class GroupDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public String name;
    public String description;
    @TableField("`condition`")
    public GroupCondition condition;
    public Long ownerId;
    public String inviteCode;
    public Integer maxMembers;
    public Instant createdAt;
}
