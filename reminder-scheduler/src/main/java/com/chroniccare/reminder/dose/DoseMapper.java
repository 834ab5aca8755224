package com.chroniccare.reminder.dose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface DoseMapper extends BaseMapper<DoseDO> {

    String WITH_PLAN = "SELECT d.*, p.name AS medication, p.dose AS dose_text, p.instructions, p.time_zone"
            + " FROM rem_dose d JOIN rem_plan p ON p.id = d.plan_id";

    /** Idempotent: a dose that already exists for the plan and instant is kept as it is. */
    @Insert("<script>INSERT IGNORE INTO rem_dose (plan_id, patient_id, due_at, local_date, status, updated_at) VALUES"
            + "<foreach item='d' collection='doses' separator=','>"
            + "(#{d.planId}, #{d.patientId}, #{d.dueAt}, #{d.localDate}, 'SCHEDULED', #{d.updatedAt})</foreach></script>")
    void insertIgnore(List<DoseDO> doses);

    /** Doses of a plan not reminded yet and not acted on, from an instant on: what an edit or stop replaces. */
    @Update("DELETE FROM rem_dose WHERE plan_id = #{planId} AND status = 'SCHEDULED' AND due_at > #{after}")
    int deleteUnsent(long planId, Instant after);

    @Select(WITH_PLAN + " WHERE d.patient_id = #{patientId} AND d.local_date = #{date} ORDER BY d.due_at, p.name, d.id")
    List<DoseDO> ofDay(long patientId, LocalDate date);

    @Select(WITH_PLAN + " WHERE d.id = #{id} AND d.patient_id = #{patientId} FOR UPDATE")
    DoseDO lock(long id, long patientId);

    /** Writes the patient-facing state, nulls included (updateById would skip them). */
    @Update("UPDATE rem_dose SET status = #{status}, snoozed_until = #{snoozedUntil}, taken_at = #{takenAt},"
            + " skip_reason = #{skipReason}, updated_at = #{updatedAt} WHERE id = #{id}")
    void save(DoseDO dose);

    /** Doses a set of reminder pushes are about: due at, or snoozed to, one of the pushes' minutes. */
    @Select("<script>" + WITH_PLAN + " WHERE d.patient_id IN <foreach item='p' collection='patientIds' open='('"
            + " separator=',' close=')'>#{p}</foreach> AND ((d.status = 'SCHEDULED' AND d.due_at IN"
            + " <foreach item='t' collection='dueAts' open='(' separator=',' close=')'>#{t}</foreach>)"
            + " OR (d.status = 'SNOOZED' AND d.snoozed_until IN"
            + " <foreach item='t' collection='dueAts' open='(' separator=',' close=')'>#{t}</foreach>))"
            + " ORDER BY d.patient_id, p.name, d.id</script>")
    List<DoseDO> forPushes(Collection<Long> patientIds, Collection<Instant> dueAts);

    @Update("<script>UPDATE rem_dose SET status = 'SENT', updated_at = #{now} WHERE status IN ('SCHEDULED', 'SNOOZED')"
            + " AND id IN <foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    void markSent(Collection<Long> ids, Instant now);

    /** Doses whose window closed, oldest first, locked; skipped if another instance is marking them. */
    @Select("SELECT * FROM rem_dose WHERE status IN ('SCHEDULED', 'SENT', 'SNOOZED') AND due_at < #{cutoff}"
            + " AND (snoozed_until IS NULL OR snoozed_until < #{cutoff})"
            + " ORDER BY due_at, id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<DoseDO> closed(Instant cutoff, int limit);

    @Update("<script>UPDATE rem_dose SET status = 'MISSED', updated_at = #{now} WHERE id IN"
            + " <foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    void markMissed(Collection<Long> ids, Instant now);

    @Select(WITH_PLAN + " WHERE d.patient_id = #{patientId} AND d.due_at >= #{from} AND d.due_at < #{to}"
            + " ORDER BY d.plan_id, d.due_at")
    List<DoseDO> between(long patientId, Instant from, Instant to);

    /** One patient's doses taken, and doses decided (taken, skipped or missed), in a period. */
    class Share {
        public Long patientId;
        public Long taken;
        public Long decided;
    }

    /** Per patient: doses taken, and doses decided (taken, skipped or missed), due in a period. */
    @Select("<script>SELECT patient_id, SUM(CASE WHEN status = 'TAKEN' THEN 1 ELSE 0 END) AS taken, COUNT(*) AS decided"
            + " FROM rem_dose WHERE status IN ('TAKEN', 'SKIPPED', 'MISSED') AND due_at >= #{from} AND patient_id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach>"
            + " GROUP BY patient_id</script>")
    List<Share> shares(Collection<Long> patientIds, Instant from);

    @Select(WITH_PLAN + " WHERE d.patient_id = #{patientId} ORDER BY d.due_at, d.id")
    List<DoseDO> allOf(long patientId);

    @Update("DELETE FROM rem_dose WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
