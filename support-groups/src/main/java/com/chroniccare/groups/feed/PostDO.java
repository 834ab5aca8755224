package com.chroniccare.groups.feed;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.groups.PostKind;
import com.chroniccare.groups.PostStatus;

@TableName("grp_post")
public class PostDO {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long groupId;
    public Long authorId;
    public String authorName;
    public String clientId;
    public PostKind kind;
    public String title;
    public String text;
    public String imageMediaIds;
    public Boolean pinned;
    public PostStatus status;
    public String heldReason;
    public Integer reportCount;
    public Boolean notifyMembers;
    public Instant createdAt;
}
