package com.chroniccare.alerting.episode;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface EvaluationMapper extends BaseMapper<EvaluationDO> {

    @Select("<script>SELECT * FROM alert_evaluation WHERE reading_id IN "
            + "<foreach item='i' collection='readingIds' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<EvaluationDO> in(Collection<Long> readingIds);

    @Update("DELETE FROM alert_evaluation WHERE patient_id = #{patientId}")
    void eraseOf(long patientId);
}
