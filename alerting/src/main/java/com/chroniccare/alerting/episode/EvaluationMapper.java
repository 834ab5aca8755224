package com.chroniccare.alerting.episode;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface EvaluationMapper extends BaseMapper<EvaluationDO> {

    @Update("DELETE FROM alert_evaluation WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
