package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TeamPolicyMapper extends BaseMapper<TeamPolicyDO> {

    /** Claims today's digest for a team; 0 rows means it was already sent (by this or another instance). */
    @Update("UPDATE alert_team_policy SET last_digest_at = #{at} WHERE team_id = #{teamId}"
            + " AND (last_digest_at IS NULL OR last_digest_at < #{since})")
    int claimDigest(long teamId, Instant since, Instant at);
}
