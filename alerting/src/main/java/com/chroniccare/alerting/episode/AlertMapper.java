package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.chroniccare.alerting.AlertStatus;
import com.chroniccare.alerting.Severity;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AlertMapper extends BaseMapper<AlertDO> {

    @Select("SELECT * FROM alert_alert WHERE open_key = #{openKey}")
    AlertDO open(String openKey);

    @Select("<script>SELECT * FROM alert_alert WHERE status &lt;&gt; 'RESOLVED' AND patient_id IN"
            + " <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach></script>")
    List<AlertDO> unresolvedOf(Collection<Long> patientIds);

    @Select("SELECT a.* FROM alert_alert a JOIN alert_alert_reading r ON r.alert_id = a.id WHERE r.reading_id = #{readingId}")
    List<AlertDO> raisedBy(long readingId);

    @Select("<script>SELECT * FROM alert_alert WHERE patient_id IN "
            + "<foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach>"
            + "<if test='status != null'> AND status = #{status}</if>"
            + "<if test='severity != null'> AND severity = #{severity}</if>"
            + "<if test='afterId != null'> AND id &lt; #{afterId}</if>"
            + " ORDER BY id DESC LIMIT #{limit}</script>")
    List<AlertDO> page(Collection<Long> patientIds, AlertStatus status, Severity severity, Long afterId, int limit);

    @Select("SELECT id FROM alert_alert WHERE status = 'PENDING' AND confirm_until <= #{now}")
    List<Long> holdsExpired(Instant now);

    @Select("SELECT * FROM alert_alert WHERE status = 'OPEN' AND review = FALSE AND severity IN ('P1', 'P2')"
            + " AND (next_notify_at <= #{now} OR ack_deadline <= #{now})"
            + " AND (snoozed_until IS NULL OR snoozed_until <= #{now})")
    List<AlertDO> pagingDue(Instant now);

    @Select("SELECT * FROM alert_alert WHERE status = 'ACKNOWLEDGED' AND severity IN ('P1', 'P2') AND next_notify_at <= #{now}")
    List<AlertDO> reacknowledgeDue(Instant now);

    /** Writes an alert only if nobody changed it since it was read (0 rows: someone did). */
    @Update("UPDATE alert_alert SET rule = #{a.rule}, severity = #{a.severity}, status = #{a.status},"
            + " open_key = #{a.openKey}, review = #{a.review}, updated_at = #{a.updatedAt}, confirm_until = #{a.confirmUntil},"
            + " next_notify_at = #{a.nextNotifyAt}, ack_deadline = #{a.ackDeadline}, tier = #{a.tier},"
            + " snoozed_until = #{a.snoozedUntil}, reading_count = #{a.readingCount},"
            + " acknowledged_by = #{a.acknowledgedBy}, acknowledged_at = #{a.acknowledgedAt},"
            + " resolved_by = #{a.resolvedBy}, resolved_at = #{a.resolvedAt}, resolution = #{a.resolution},"
            + " resolution_note = #{a.resolutionNote}, version = version + 1 WHERE id = #{a.id} AND version = #{a.version}")
    int saveIfUnchanged(@Param("a") AlertDO a);

    @Select("SELECT COUNT(*) FROM alert_alert WHERE patient_id = #{patientId} AND parameter = #{parameter}"
            + " AND status IN ('OPEN', 'ACKNOWLEDGED') AND review = FALSE AND severity < #{severity}")
    int outranked(long patientId, String parameter, Severity severity);

    @Select("SELECT DISTINCT patient_id FROM alert_alert WHERE severity = 'P3' AND status = 'OPEN'")
    List<Long> patientsWithOpenWarnings();

    @Select("<script>SELECT COUNT(*) FROM alert_alert WHERE severity = 'P3' AND status = 'OPEN'"
            + " AND patient_id IN <foreach item='p' collection='patientIds' open='(' separator=',' close=')'>#{p}</foreach>"
            + "</script>")
    int openWarnings(Collection<Long> patientIds);

    @Update("DELETE FROM alert_alert_reading WHERE alert_id IN (SELECT id FROM alert_alert WHERE patient_id = #{patientId})")
    void eraseReadingsOf(long patientId);

    @Update("DELETE FROM alert_alert WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
