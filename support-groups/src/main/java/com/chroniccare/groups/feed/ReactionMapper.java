package com.chroniccare.groups.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReactionMapper {

    String POSTS = "<foreach item='p' collection='postIds' open='(' separator=',' close=')'>#{p}</foreach>";

    /** One of each sticker per member per post: a repeat is a no-op. */
    @Insert("INSERT IGNORE INTO grp_reaction (post_id, user_id, sticker, created_at)"
            + " VALUES (#{postId}, #{userId}, #{sticker}, #{now})")
    void add(long postId, long userId, String sticker, Instant now);

    @Update("DELETE FROM grp_reaction WHERE post_id = #{postId} AND user_id = #{userId} AND sticker = #{sticker}")
    void remove(long postId, long userId, String sticker);

    /** How many members put one sticker on one post. */
    class Count {
        public Long postId;
        public String sticker;
        public Integer n;
    }

    @Select("<script>SELECT post_id, sticker, COUNT(*) AS n FROM grp_reaction WHERE post_id IN " + POSTS
            + " GROUP BY post_id, sticker</script>")
    List<Count> counts(Collection<Long> postIds);

    /** The user's stickers on some posts, as "postId:sticker". */
    @Select("<script>SELECT CONCAT(post_id, ':', sticker) FROM grp_reaction WHERE user_id = #{userId} AND post_id IN "
            + POSTS + "</script>")
    List<String> mine(long userId, Collection<Long> postIds);

    /** The user's stickers on posts of one group, as "postId:sticker". */
    @Select("SELECT CONCAT(r.post_id, ':', r.sticker) FROM grp_reaction r JOIN grp_post p ON p.id = r.post_id"
            + " WHERE r.user_id = #{userId} AND p.group_id = #{groupId}")
    List<String> mineInGroup(long userId, long groupId);

    @Update("DELETE FROM grp_reaction WHERE user_id = #{userId} OR post_id IN"
            + " (SELECT id FROM grp_post WHERE author_id = #{userId})")
    void eraseOf(long userId);
}
