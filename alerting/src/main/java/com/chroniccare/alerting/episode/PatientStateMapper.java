package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PatientStateMapper extends BaseMapper<PatientStateDO> {

    /**
     * Write-locks the patients' rows in id order, so that transactions locking overlapping sets cannot deadlock
     * (record locks only: callers run at read committed, so no gap locks).
     */
    @Select("<script>SELECT * FROM alert_patient WHERE patient_id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach>"
            + " ORDER BY patient_id FOR UPDATE</script>")
    List<PatientStateDO> lock(Collection<Long> patientIds);

    @Select("<script>SELECT patient_id FROM alert_patient WHERE patient_id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach></script>")
    List<Long> existing(Collection<Long> patientIds);

    /** Each patient's new measurement time, as SQL: a CASE over the patients of {@link #measured}. */
    String MEASURED_AT = "(CASE patient_id <foreach collection='at' index='p' item='t'>WHEN #{p} THEN #{t} </foreach>END)";

    /**
     * Moves the patients' last measurement forward (never back, for late back-fill), in one statement. The
     * condition sits in SET so the WHERE is the primary key alone: with it in WHERE, MariaDB may scan the
     * last_measured_at index and lock other patients' rows, which deadlocked concurrent evaluations. missed_level
     * comes first: MySQL applies SET left to right, so a later CASE would already see the new last_measured_at.
     */
    @Update("<script>UPDATE alert_patient SET"
            + " missed_level = CASE WHEN last_measured_at IS NULL OR last_measured_at &lt; " + MEASURED_AT
            + " THEN 0 ELSE missed_level END,"
            + " last_measured_at = CASE WHEN last_measured_at IS NULL OR last_measured_at &lt; " + MEASURED_AT
            + " THEN " + MEASURED_AT + " ELSE last_measured_at END"
            + " WHERE patient_id IN <foreach collection='at' index='p' open='(' separator=',' close=')'>#{p}</foreach>"
            + "</script>")
    void measured(@Param("at") Map<Long, Instant> at);

    @Select("SELECT * FROM alert_patient WHERE last_measured_at < #{before} AND missed_level < 2")
    List<PatientStateDO> silentSince(Instant before);

    @Update("UPDATE alert_patient SET missed_level = #{level} WHERE patient_id = #{patientId} AND missed_level = #{expected}")
    int missed(long patientId, int expected, int level);
}
