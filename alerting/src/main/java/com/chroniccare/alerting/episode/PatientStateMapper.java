package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PatientStateMapper extends BaseMapper<PatientStateDO> {

    /** Write-locks the patient's row (a record lock only: callers run at read committed, so no gap locks). */
    @Select("SELECT * FROM alert_patient WHERE patient_id = #{patientId} FOR UPDATE")
    PatientStateDO lock(long patientId);

    @Update("UPDATE alert_patient SET last_measured_at = #{at}, missed_level = 0 WHERE patient_id = #{patientId}"
            + " AND (last_measured_at IS NULL OR last_measured_at < #{at})")
    void measured(long patientId, Instant at);

    @Select("SELECT * FROM alert_patient WHERE last_measured_at < #{before} AND missed_level < 2")
    List<PatientStateDO> silentSince(Instant before);

    @Update("UPDATE alert_patient SET missed_level = #{level} WHERE patient_id = #{patientId} AND missed_level = #{expected}")
    int missed(long patientId, int expected, int level);
}
