package com.chroniccare.groups.group;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface GroupMapper extends BaseMapper<GroupDO> {

    @Select("SELECT * FROM grp_group WHERE id = #{id} FOR UPDATE")
    GroupDO lock(long id);

    @Select("SELECT g.* FROM grp_group g JOIN grp_member m ON m.group_id = g.id WHERE m.user_id = #{userId}"
            + " ORDER BY g.id")
    List<GroupDO> ofMember(long userId);
}
