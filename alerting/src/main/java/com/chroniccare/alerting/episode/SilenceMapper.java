package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.chroniccare.alerting.AlertFamily;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SilenceMapper extends BaseMapper<SilenceDO> {

    @Select("SELECT COUNT(*) FROM alert_silence WHERE patient_id = #{patientId} AND until_at > #{now}"
            + " AND (family IS NULL OR family = #{family})")
    int active(long patientId, AlertFamily family, Instant now);

    @Select("SELECT * FROM alert_silence WHERE patient_id = #{patientId} AND until_at > #{now} ORDER BY id")
    List<SilenceDO> current(long patientId, Instant now);

    @Update("DELETE FROM alert_silence WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
