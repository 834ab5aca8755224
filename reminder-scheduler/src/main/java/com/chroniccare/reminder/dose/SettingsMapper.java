package com.chroniccare.reminder.dose;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SettingsMapper extends BaseMapper<SettingsDO> {

    @Update("UPDATE rem_settings SET quiet_start = #{quietStart}, quiet_end = #{quietEnd}, updated_at = #{updatedAt}"
            + " WHERE patient_id = #{patientId}")
    int save(SettingsDO settings);

    @Select("<script>SELECT * FROM rem_settings WHERE quiet_start IS NOT NULL AND patient_id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach></script>")
    List<SettingsDO> withQuietHours(Collection<Long> patientIds);
}
