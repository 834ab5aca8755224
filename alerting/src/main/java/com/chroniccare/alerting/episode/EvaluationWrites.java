package com.chroniccare.alerting.episode;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A batch evaluation's row inserts, each as one JDBC batch (a single multi-row INSERT on MySQL). Plain JDBC rather
 * than a MyBatis {@code foreach}, which costs several times more CPU to build and bind for a 50-reading batch.
 */
@Component
class EvaluationWrites {

    /** A reading that raised or joined an episode. */
    record Link(long alertId, long readingId) {
    }

    private final JdbcTemplate jdbc;

    EvaluationWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void evaluated(List<EvaluationDO> rows) {
        jdbc.batchUpdate("INSERT INTO alert_evaluation (reading_id, patient_id, advice, evaluated_at) VALUES (?, ?, ?, ?)",
                rows, rows.size(), (ps, e) -> {
                    ps.setLong(1, e.readingId);
                    ps.setLong(2, e.patientId);
                    ps.setString(3, e.advice == null ? null : e.advice.name());
                    ps.setTimestamp(4, Timestamp.from(e.evaluatedAt));
                });
    }

    void linked(List<Link> links) {
        jdbc.batchUpdate("INSERT INTO alert_alert_reading (alert_id, reading_id) VALUES (?, ?)", links, links.size(),
                (ps, l) -> {
                    ps.setLong(1, l.alertId());
                    ps.setLong(2, l.readingId());
                });
    }
}
