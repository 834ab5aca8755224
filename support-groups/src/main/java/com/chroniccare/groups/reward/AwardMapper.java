package com.chroniccare.groups.reward;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.chroniccare.groups.Award;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AwardMapper {

    /** Once per (user, reward, period): a redelivered event or a concurrent award finds the row there. */
    @Insert("INSERT IGNORE INTO grp_award (user_id, reward, period_key, sticker, reason, awarded_at)"
            + " VALUES (#{userId}, #{reward}, #{periodKey}, #{sticker}, #{reason}, #{at})")
    int award(long userId, String reward, String periodKey, String sticker, String reason, Instant at);

    /** What makes an award unique for its user. */
    record Key(String reward, String periodKey) {
    }

    /** An award a user holds. */
    record Holding(long userId, String reward, String periodKey) {

        Key key() {
            return new Key(reward, periodKey);
        }
    }

    @Select("<script>SELECT user_id, reward, period_key FROM grp_award WHERE user_id IN"
            + " <foreach item='u' collection='userIds' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<Holding> heldBy(Collection<Long> userIds);

    @Select("SELECT reward, sticker, reason, awarded_at FROM grp_award WHERE user_id = #{userId}"
            + " ORDER BY awarded_at DESC, id DESC")
    List<Award> of(long userId);

    @Update("DELETE FROM grp_award WHERE user_id = #{userId}")
    void eraseOf(long userId);
}
