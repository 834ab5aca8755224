package com.chroniccare.alerting.episode;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface DeliveryMapper extends BaseMapper<DeliveryDO> {

    @Select("SELECT * FROM alert_delivery WHERE alert_id = #{alertId} ORDER BY id")
    List<DeliveryDO> ofAlert(long alertId);

    /** Failed attempts due again, and attempts left SENDING by an instance that died mid-send. */
    @Select("SELECT * FROM alert_delivery WHERE (status = 'FAILED' AND retry_at <= #{now})"
            + " OR (status = 'SENDING' AND updated_at < #{staleBefore})")
    List<DeliveryDO> due(Instant now, Instant staleBefore);

    /** Claims an attempt: only one tick or instance moves a delivery from what it read to SENDING. */
    @Update("UPDATE alert_delivery SET status = 'SENDING', attempt = attempt + 1, retry_at = NULL, updated_at = #{now}"
            + " WHERE id = #{id} AND status = #{status} AND updated_at = #{updatedAt}")
    int claim(long id, String status, Instant updatedAt, Instant now);

    @Update("UPDATE alert_delivery SET status = #{status}, error_code = #{errorCode}, error = #{error},"
            + " retry_at = #{retryAt}, updated_at = #{now} WHERE id = #{id}")
    void finish(long id, String status, Integer errorCode, String error, Instant retryAt, Instant now);

    @Update("DELETE FROM alert_delivery WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
