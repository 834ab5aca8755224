package com.chroniccare.wechat.subscribe;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SubscriptionMapper {

    String USERS = "<foreach item='u' collection='userIds' open='(' separator=',' close=')'>#{u}</foreach>";

    /** Makes sure the row exists, so that it can be locked even on a user's first decision. */
    @Insert("INSERT IGNORE INTO wx_subscription (user_id, template_id, remaining, status, updated_at)"
            + " VALUES (#{userId}, #{templateId}, 0, 'REJECT', #{now})")
    void ensure(long userId, String templateId, Instant now);

    @Select("SELECT * FROM wx_subscription WHERE user_id = #{userId} AND template_id = #{templateId} FOR UPDATE")
    SubscriptionDO lock(long userId, String templateId);

    @Update("UPDATE wx_subscription SET remaining = #{remaining}, status = #{status},"
            + " last_credit_source = #{lastCreditSource}, last_credit_at = #{lastCreditAt},"
            + " last_credit_paired = #{lastCreditPaired}, updated_at = #{updatedAt}"
            + " WHERE user_id = #{userId} AND template_id = #{templateId}")
    void save(SubscriptionDO row);

    /** Rows in user order, locked, so concurrent reservations cannot both take the last authorisation. */
    @Select("<script>SELECT * FROM wx_subscription WHERE template_id = #{templateId} AND user_id IN " + USERS
            + " ORDER BY user_id FOR UPDATE</script>")
    List<SubscriptionDO> lockAll(String templateId, Collection<Long> userIds);

    @Update("<script>UPDATE wx_subscription SET remaining = remaining - 1, updated_at = #{now}"
            + " WHERE template_id = #{templateId} AND remaining > 0 AND user_id IN " + USERS + "</script>")
    void debit(String templateId, Collection<Long> userIds, Instant now);

    @Update("UPDATE wx_subscription SET remaining = remaining - 1, updated_at = #{now}"
            + " WHERE user_id = #{userId} AND template_id = #{templateId} AND remaining > 0")
    int debitOne(long userId, String templateId, Instant now);

    @Update("UPDATE wx_subscription SET remaining = remaining + 1, updated_at = #{now}"
            + " WHERE user_id = #{userId} AND template_id = #{templateId}")
    void refund(long userId, String templateId, Instant now);

    /** WeChat said 43101: whatever we counted, nothing is left. */
    @Update("UPDATE wx_subscription SET remaining = 0, status = 'REJECT', updated_at = #{now}"
            + " WHERE user_id = #{userId} AND template_id = #{templateId}")
    void revoke(long userId, String templateId, Instant now);

    @Select("SELECT * FROM wx_subscription WHERE user_id = #{userId} AND template_id = #{templateId}")
    SubscriptionDO find(long userId, String templateId);

    @Select("SELECT * FROM wx_subscription WHERE user_id = #{userId}")
    List<SubscriptionDO> ofUser(long userId);

    @Update("DELETE FROM wx_subscription WHERE user_id = #{userId}")
    void eraseOf(long userId);
}
