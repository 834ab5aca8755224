package com.chroniccare.reminder.plan;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PlanMapper extends BaseMapper<PlanDO> {

    @Select("SELECT * FROM rem_plan WHERE id = #{id} AND patient_id = #{patientId} FOR UPDATE")
    PlanDO lock(long id, long patientId);

    /** Writes every editable column, nulls included (updateById would skip them). */
    @Update("UPDATE rem_plan SET name = #{name}, dose = #{dose}, instructions = #{instructions},"
            + " times_of_day = #{timesOfDay}, days_of_week = #{daysOfWeek}, start_date = #{startDate},"
            + " end_date = #{endDate}, status = #{status}, generated_until = #{generatedUntil},"
            + " updated_by = #{updatedBy}, updated_at = #{updatedAt} WHERE id = #{id}")
    void save(PlanDO plan);

    @Select("SELECT * FROM rem_plan WHERE patient_id = #{patientId} ORDER BY status, id")
    List<PlanDO> ofPatient(long patientId);

    @Select("SELECT * FROM rem_plan WHERE status = 'ACTIVE' AND generated_until < #{before} ORDER BY id LIMIT #{limit}")
    List<PlanDO> behind(Instant before, int limit);

    /** Claims the extension of one plan's doses: zero rows if someone else extended or changed it meanwhile. */
    @Update("UPDATE rem_plan SET generated_until = #{to} WHERE id = #{id} AND generated_until = #{from}"
            + " AND status = 'ACTIVE'")
    int advance(long id, Instant from, Instant to);

    @Update("UPDATE rem_plan SET missed_in_row = missed_in_row + #{missed} WHERE id = #{id}")
    void addMissed(long id, int missed);

    /** A dose taken ends the run of misses; the row is written (and locked) only if there was one. */
    @Update("UPDATE rem_plan SET missed_in_row = 0 WHERE id = #{id} AND missed_in_row <> 0")
    void resetMissed(long id);

    @Update("DELETE FROM rem_plan WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
