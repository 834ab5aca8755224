package com.chroniccare.alerting.episode;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.chroniccare.alerting.Advice;

/** The record that a reading was evaluated; its primary key makes evaluation happen once per reading. */
@TableName("alert_evaluation")
public class EvaluationDO {
    @TableId(type = IdType.INPUT)
    public Long readingId;
    public Long patientId;
    public Advice advice;
    public Instant evaluatedAt;
}
