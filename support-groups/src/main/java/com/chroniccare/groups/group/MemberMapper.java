package com.chroniccare.groups.group;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MemberMapper {

    @Select("SELECT * FROM grp_member WHERE group_id = #{groupId} AND user_id = #{userId}")
    MemberDO find(long groupId, long userId);

    @Insert("INSERT INTO grp_member (group_id, user_id, role, display_name, joined_at)"
            + " VALUES (#{groupId}, #{userId}, #{role}, #{displayName}, #{joinedAt})")
    void insert(MemberDO member);

    @Update("DELETE FROM grp_member WHERE group_id = #{groupId} AND user_id = #{userId}")
    int delete(long groupId, long userId);

    @Select("SELECT COUNT(*) FROM grp_member WHERE group_id = #{groupId}")
    int count(long groupId);

    @Select("SELECT user_id FROM grp_member WHERE group_id = #{groupId}")
    List<Long> allIds(long groupId);

    @Select("SELECT user_id FROM grp_member WHERE group_id = #{groupId} AND role = 'MEMBER'")
    List<Long> memberIds(long groupId);

    @Update("UPDATE grp_member SET muted_until = #{until} WHERE group_id = #{groupId} AND user_id = #{userId}")
    int mute(long groupId, long userId, Instant until);

    @Update("UPDATE grp_member SET celebrate = #{celebrate} WHERE group_id = #{groupId} AND user_id = #{userId}")
    void celebrate(long groupId, long userId, boolean celebrate);

    @Select("SELECT * FROM grp_member WHERE user_id = #{userId} AND celebrate = TRUE")
    List<MemberDO> celebrating(long userId);

    @Update("DELETE FROM grp_member WHERE user_id = #{userId}")
    void eraseOf(long userId);
}
