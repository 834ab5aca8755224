package com.chroniccare.groups.feed;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MediaCheckMapper {

    @Insert("INSERT INTO grp_media_check (trace_id, post_id, media_id, requested_at)"
            + " VALUES (#{traceId}, #{postId}, #{mediaId}, #{now})")
    void requested(String traceId, long postId, String mediaId, Instant now);

    @Select("SELECT post_id FROM grp_media_check WHERE trace_id = #{traceId}")
    Long postOf(String traceId);

    /** Records a verdict once: 0 for an unknown trace or a repeated callback. */
    @Update("UPDATE grp_media_check SET suggest = #{suggest}, label = #{label} WHERE trace_id = #{traceId}"
            + " AND suggest IS NULL")
    int answered(String traceId, String suggest, String label);

    @Select("SELECT suggest FROM grp_media_check WHERE post_id = #{postId}")
    List<String> verdicts(long postId);

    @Update("DELETE FROM grp_media_check WHERE post_id IN (SELECT id FROM grp_post WHERE author_id = #{authorId})")
    void eraseOf(long authorId);
}
