package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PatientStateMapper extends BaseMapper<PatientStateDO> {

    /**
     * Creates the patient's row if needed and write-locks it in one statement, serialising work on one patient.
     * (Select-for-update then insert would take shared locks first and deadlock when two evaluations race.)
     */
    @Insert("INSERT INTO alert_patient (patient_id, missed_level) VALUES (#{patientId}, 0)"
            + " ON DUPLICATE KEY UPDATE patient_id = patient_id")
    void lock(long patientId);

    @Update("UPDATE alert_patient SET last_measured_at = #{at}, missed_level = 0 WHERE patient_id = #{patientId}"
            + " AND (last_measured_at IS NULL OR last_measured_at < #{at})")
    void measured(long patientId, Instant at);

    @Select("SELECT * FROM alert_patient WHERE last_measured_at < #{before} AND missed_level < 2")
    List<PatientStateDO> silentSince(Instant before);

    @Update("UPDATE alert_patient SET missed_level = #{level} WHERE patient_id = #{patientId} AND missed_level = #{expected}")
    int missed(long patientId, int expected, int level);
}
