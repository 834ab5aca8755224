package com.chroniccare.core.reading;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReadingMapper extends BaseMapper<ReadingDO> {

    /** Locks the patients' rows in id order, so that transactions locking overlapping sets cannot deadlock. */
    @Select("<script>SELECT id FROM core_user WHERE id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach>"
            + " ORDER BY id FOR UPDATE</script>")
    List<Long> lockPatients(Collection<Long> patientIds);

    /** The stored readings with these client ids, per patient: one index range per patient. */
    @Select("<script>SELECT * FROM core_reading WHERE"
            + " <foreach index='p' item='ids' collection='clientIds' separator=' OR '>(patient_id = #{p} AND client_id IN"
            + " <foreach item='c' collection='ids' open='(' separator=',' close=')'>#{c}</foreach>)</foreach>"
            + "</script>")
    List<ReadingDO> byClientIds(@Param("clientIds") Map<Long, ? extends Collection<String>> clientIds);

    @Select("SELECT * FROM core_reading WHERE id = #{id} AND patient_id = #{patientId} AND deleted_at IS NULL")
    ReadingDO active(long patientId, long id);

    @Select("<script>SELECT * FROM core_reading WHERE deleted_at IS NULL AND id IN "
            + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<ReadingDO> activeIn(Collection<Long> ids);

    @Select("SELECT * FROM core_reading WHERE patient_id = #{patientId} AND deleted_at IS NULL ORDER BY measured_at, id")
    List<ReadingDO> allOf(long patientId);

    @Select("SELECT COUNT(*) AS n, AVG(CASE WHEN glucose_flag IS NULL THEN glucose_mmol END) AS mean,"
            + " MIN(glucose_mmol) AS mn, MAX(glucose_mmol) AS mx,"
            + " SUM(CASE WHEN glucose_flag IS NULL AND glucose_mmol BETWEEN 3.9 AND 10.0 THEN 1 ELSE 0 END) AS in_range"
            + " FROM core_reading WHERE patient_id = #{patientId} AND type = 'GLUCOSE' AND deleted_at IS NULL"
            + " AND measured_at >= #{since}")
    Map<String, Object> glucoseStats(long patientId, Instant since);

    @Select("SELECT COUNT(*) AS n, AVG(systolic) AS sys, AVG(diastolic) AS dia, AVG(pulse) AS pulse"
            + " FROM core_reading WHERE patient_id = #{patientId} AND type = 'BLOOD_PRESSURE' AND deleted_at IS NULL"
            + " AND measured_at >= #{since}")
    Map<String, Object> bloodPressureStats(long patientId, Instant since);

    @Update("UPDATE core_reading SET deleted_at = #{at} WHERE id = #{id} AND patient_id = #{patientId}"
            + " AND deleted_at IS NULL")
    int softDelete(long patientId, long id, Instant at);

    @Delete("DELETE FROM core_reading WHERE patient_id = #{patientId}")
    int eraseAll(long patientId);
}
