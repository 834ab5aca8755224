package com.chroniccare.core.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface UserMapper extends BaseMapper<UserDO> {

    @Select("SELECT * FROM core_user WHERE openid = #{openid}")
    UserDO byOpenid(String openid);

    @Select("<script>SELECT id, openid FROM core_user WHERE openid IS NOT NULL AND deleted_at IS NULL AND id IN"
            + " <foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<UserDO> openids(Collection<Long> ids);

    @Select("<script>SELECT id, time_zone FROM core_user WHERE deleted_at IS NULL AND id IN"
            + " <foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<UserDO> timeZones(Collection<Long> ids);

    @Select("SELECT * FROM core_user WHERE username = #{username} AND deleted_at IS NULL")
    UserDO byUsername(String username);

    @Select("SELECT * FROM core_user WHERE id = #{id} AND deleted_at IS NULL")
    UserDO active(long id);

    /** Erasure keeps the row (ids stay referable in the audit log) but nothing that identifies the person. */
    @Update("UPDATE core_user SET openid = NULL, username = NULL, password_hash = NULL, display_name = NULL,"
            + " birth_year = NULL, sex = NULL, conditions = NULL, phone_cipher = NULL, deleted_at = #{at}"
            + " WHERE id = #{id}")
    int anonymise(long id, Instant at);
}
