package com.chroniccare.core.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.chroniccare.core.ConsentScope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ConsentMapper extends BaseMapper<ConsentDO> {

    @Select("SELECT COUNT(*) FROM core_consent WHERE user_id = #{userId} AND scope = #{scope}"
            + " AND policy_version = #{version} AND withdrawn_at IS NULL")
    int countActive(long userId, ConsentScope scope, String version);

    @Select("<script>SELECT DISTINCT user_id FROM core_consent WHERE scope = #{scope} AND policy_version = #{version}"
            + " AND withdrawn_at IS NULL AND user_id IN"
            + " <foreach item='u' collection='userIds' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<Long> consentedAmong(Collection<Long> userIds, ConsentScope scope, String version);

    @Update("UPDATE core_consent SET withdrawn_at = #{at} WHERE user_id = #{userId} AND scope = #{scope}"
            + " AND withdrawn_at IS NULL")
    int withdraw(long userId, ConsentScope scope, Instant at);

    @Update("UPDATE core_consent SET withdrawn_at = #{at} WHERE user_id = #{userId} AND withdrawn_at IS NULL")
    int withdrawAll(long userId, Instant at);

    @Select("SELECT * FROM core_consent WHERE user_id = #{userId} ORDER BY id")
    List<ConsentDO> history(long userId);
}
