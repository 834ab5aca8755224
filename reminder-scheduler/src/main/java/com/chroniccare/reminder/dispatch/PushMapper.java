package com.chroniccare.reminder.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PushMapper extends BaseMapper<PushDO> {

    String IDS = "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach>";

    /** Idempotent: one push per patient and minute, however often generation runs. */
    @Insert("<script>INSERT IGNORE INTO rem_push (patient_id, due_at, time_zone, status, next_attempt_at) VALUES"
            + "<foreach item='p' collection='pushes' separator=','>"
            + "(#{p.patientId}, #{p.dueAt}, #{p.timeZone}, 'PENDING', #{p.dueAt})</foreach></script>")
    void insertIgnore(List<PushDO> pushes);

    /** Due pushes, oldest first, locked; rows another dispatcher holds are skipped, not waited for. */
    @Select("SELECT * FROM rem_push WHERE status = 'PENDING' AND next_attempt_at <= #{now}"
            + " ORDER BY next_attempt_at LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<PushDO> due(Instant now, int limit);

    @Update("<script>UPDATE rem_push SET status = 'CLAIMED', claimed_by = #{owner}, lease_until = #{leaseUntil},"
            + " attempts = attempts + 1 WHERE id IN " + IDS + "</script>")
    void claim(Collection<Long> ids, String owner, Instant leaseUntil);

    /** This dispatcher's pushes among the given ones, locked: a push the sweep took back is no longer ours. */
    @Select("<script>SELECT * FROM rem_push WHERE status = 'CLAIMED' AND claimed_by = #{owner} AND id IN " + IDS
            + " ORDER BY id FOR UPDATE</script>")
    List<PushDO> lockOwned(Collection<Long> ids, String owner);

    /** The idempotency guard: committed before WeChat is called. */
    @Update("<script>UPDATE rem_push SET status = 'SENDING' WHERE id IN " + IDS + "</script>")
    void sending(Collection<Long> ids);

    /** Releases the claim with an outcome; a PENDING outcome is retried at {@code nextAttemptAt}. */
    @Update("<script>UPDATE rem_push SET status = #{status}, next_attempt_at = COALESCE(#{nextAttemptAt}, next_attempt_at),"
            + " sent_at = #{sentAt}, error_code = #{errorCode}, error = #{error}, claimed_by = NULL, lease_until = NULL"
            + " WHERE id IN " + IDS + "</script>")
    void settle(Collection<Long> ids, PushStatus status, Instant nextAttemptAt, Instant sentAt, Integer errorCode,
                String error);

    /** Pushes whose dispatcher's lease ran out, read without locks; the updates below re-check by primary key. */
    @Select("SELECT id FROM rem_push WHERE status = #{status} AND lease_until < #{now} ORDER BY id LIMIT 1000")
    List<Long> expired(PushStatus status, Instant now);

    /** Claimed but never handed to WeChat by a dispatcher that is gone: safe to send. */
    @Update("<script>UPDATE rem_push SET status = 'PENDING', claimed_by = NULL, lease_until = NULL"
            + " WHERE status = 'CLAIMED' AND lease_until &lt; #{now} AND id IN " + IDS + "</script>")
    int requeueExpired(Collection<Long> ids, Instant now);

    /** Handed to WeChat by a dispatcher that is gone: maybe delivered, so never resent. */
    @Update("<script>UPDATE rem_push SET status = 'UNCERTAIN', claimed_by = NULL, lease_until = NULL,"
            + " error = 'dispatcher lost while sending' WHERE status = 'SENDING' AND lease_until &lt; #{now}"
            + " AND id IN " + IDS + "</script>")
    int abandonExpired(Collection<Long> ids, Instant now);

    @Update("DELETE FROM rem_push WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
