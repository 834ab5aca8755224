package com.chroniccare.groups.feed;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReportMapper {

    /** One report per member per post; returns 0 for a repeat. */
    @Insert("INSERT IGNORE INTO grp_report (post_id, reporter_id, reason, created_at)"
            + " VALUES (#{postId}, #{reporterId}, #{reason}, #{now})")
    int add(long postId, long reporterId, String reason, Instant now);

    @Update("DELETE FROM grp_report WHERE post_id = #{postId}")
    void clear(long postId);

    @Update("DELETE FROM grp_report WHERE reporter_id = #{userId} OR post_id IN"
            + " (SELECT id FROM grp_post WHERE author_id = #{userId})")
    void eraseOf(long userId);
}
