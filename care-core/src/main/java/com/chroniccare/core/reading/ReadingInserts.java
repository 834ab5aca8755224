package com.chroniccare.core.reading;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Inserts a request's new readings as one JDBC batch, which Connector/J sends as a single multi-row INSERT
 * (rewriteBatchedStatements), and sets their ids. Plain JDBC rather than a MyBatis {@code foreach}: building and
 * binding that statement took more CPU than anything else on the readings path for 50-reading batches.
 */
@Component
class ReadingInserts {

    private static final String SQL = "INSERT INTO core_reading (patient_id, client_id, content_hash, type, measured_at,"
            + " received_at, late_backfill, glucose_mmol, glucose_value, glucose_unit, glucose_context, glucose_flag,"
            + " systolic, diastolic, pulse, symptoms, source, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    ReadingInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(List<ReadingDO> rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(SQL, Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ReadingDO r = rows.get(i);
                ps.setLong(1, r.patientId);
                ps.setString(2, r.clientId);
                ps.setString(3, r.contentHash);
                ps.setString(4, r.type.name());
                ps.setTimestamp(5, Timestamp.from(r.measuredAt));
                ps.setTimestamp(6, Timestamp.from(r.receivedAt));
                ps.setBoolean(7, r.lateBackfill);
                setDecimal(ps, 8, r.glucoseMmol);
                setDecimal(ps, 9, r.glucoseValue);
                ps.setString(10, r.glucoseUnit == null ? null : r.glucoseUnit.name());
                ps.setString(11, r.glucoseContext == null ? null : r.glucoseContext.name());
                ps.setString(12, r.glucoseFlag == null ? null : r.glucoseFlag.name());
                setInt(ps, 13, r.systolic);
                setInt(ps, 14, r.diastolic);
                setInt(ps, 15, r.pulse);
                ps.setString(16, r.symptoms);
                ps.setString(17, r.source.name());
                ps.setString(18, r.note);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).id = ((Number) generated.get(i).values().iterator().next()).longValue();
        }
    }

    private static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DECIMAL);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
