package com.chroniccare.groups.feed;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PostMapper extends BaseMapper<PostDO> {

    @Select("SELECT * FROM grp_post WHERE author_id = #{authorId} AND client_id = #{clientId}")
    PostDO byClient(long authorId, String clientId);

    @Select("SELECT * FROM grp_post WHERE id = #{id} FOR UPDATE")
    PostDO lock(long id);

    @Select("SELECT * FROM grp_post WHERE group_id = #{groupId} AND status = 'PUBLISHED' AND pinned = TRUE"
            + " ORDER BY id DESC LIMIT 10")
    List<PostDO> pinned(long groupId);

    /** One page of the feed, keyset on the id: (group, status, pinned, id) is the index. */
    @Select("SELECT * FROM grp_post WHERE group_id = #{groupId} AND status = 'PUBLISHED' AND pinned = FALSE"
            + " AND id < #{before} ORDER BY id DESC LIMIT #{limit}")
    List<PostDO> page(long groupId, long before, int limit);

    @Select("SELECT * FROM grp_post WHERE group_id = #{groupId} AND (status <> 'PUBLISHED' OR report_count > 0)"
            + " ORDER BY id DESC LIMIT 100")
    List<PostDO> needingReview(long groupId);

    @Update("UPDATE grp_post SET status = #{status}, held_reason = #{heldReason}, report_count = #{reportCount},"
            + " pinned = #{pinned} WHERE id = #{id}")
    void saveState(PostDO post);

    @Select("SELECT * FROM grp_post WHERE author_id = #{authorId} ORDER BY id")
    List<PostDO> byAuthor(long authorId);

    @Update("DELETE FROM grp_post WHERE author_id = #{authorId}")
    void eraseOf(long authorId);
}
