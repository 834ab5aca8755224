package com.chroniccare.core.careteam;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InviteMapper extends BaseMapper<InviteDO> {

    /** Claims a single-use invite; 0 rows means someone else redeemed it first. */
    @Update("UPDATE core_invite SET redeemed_by = #{userId}, redeemed_at = #{at}"
            + " WHERE code = #{code} AND redeemed_by IS NULL AND expires_at > #{at}")
    int claim(String code, long userId, Instant at);
}
