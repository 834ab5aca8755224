package com.chroniccare.core.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.ReadingsApi;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The patients' recent readings, read for every new reading (evaluation history, re-checks, streaks), over plain
 * JDBC with a hand-written row mapper. MyBatis' automatic mapping of these rows took an eighth of the service's CPU
 * on the single-reading path, more than the database driver reading them.
 */
@Component
class ReadingReads {

    private static final String COLUMNS = "id, patient_id, client_id, content_hash, type, measured_at, received_at,"
            + " late_backfill, glucose_mmol, glucose_value, glucose_unit, glucose_context, glucose_flag, systolic,"
            + " diastolic, pulse, symptoms, source, note";

    private static final RowMapper<ReadingDO> ROW = (rs, i) -> {
        ReadingDO r = new ReadingDO();
        r.id = rs.getLong(1);
        r.patientId = rs.getLong(2);
        r.clientId = rs.getString(3);
        r.contentHash = rs.getString(4);
        r.type = ReadingType.valueOf(rs.getString(5));
        r.measuredAt = rs.getTimestamp(6).toInstant();
        r.receivedAt = rs.getTimestamp(7).toInstant();
        r.lateBackfill = rs.getBoolean(8);
        r.glucoseMmol = rs.getBigDecimal(9);
        r.glucoseValue = rs.getBigDecimal(10);
        r.glucoseUnit = name(rs, 11, GlucoseUnit.class);
        r.glucoseContext = name(rs, 12, GlucoseContext.class);
        r.glucoseFlag = name(rs, 13, MeterFlag.class);
        r.systolic = integer(rs, 14);
        r.diastolic = integer(rs, 15);
        r.pulse = integer(rs, 16);
        r.symptoms = rs.getString(17);
        r.source = ReadingSource.valueOf(rs.getString(18));
        r.note = rs.getString(19);
        return r;
    };

    /** The timeline index's columns (with the primary key it holds): see {@link #history}. */
    private static final String VALUE_COLUMNS = "id, patient_id, type, measured_at, glucose_value, glucose_unit,"
            + " glucose_context, glucose_flag, systolic, diastolic";

    private static final RowMapper<ReadingValues> VALUES = (rs, i) -> new ReadingValues(rs.getLong(1), rs.getLong(2),
            ReadingType.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5),
            name(rs, 6, GlucoseUnit.class), name(rs, 7, GlucoseContext.class), name(rs, 8, MeterFlag.class),
            integer(rs, 9), integer(rs, 10));

    private final JdbcTemplate jdbc;

    ReadingReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active readings, newest first; the cursor is the (measured_at, id) of the last row of the previous page. */
    List<ReadingDO> page(long patientId, ReadingType type, Instant from, Instant to, Instant afterAt, Long afterId,
                         int limit) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>(8);
        appendPage(sql, args, COLUMNS, patientId, type, from, to, afterAt, afterId, limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** The newest active reading in each window. */
    List<ReadingDO> newestIn(List<ReadingsApi.Window> windows) {
        List<Object> args = new ArrayList<>(5 * windows.size());
        return jdbc.query(union(windows, COLUMNS, 1, args), ROW, args.toArray());
    }

    /**
     * The values of the newest readings in each window. Every column read is in the timeline index, so the rows are
     * read from the index alone, where a patient's readings lie together; their table rows lie wherever each was
     * inserted, a page apiece.
     */
    List<ReadingValues> history(List<ReadingsApi.Window> windows, int limit) {
        List<Object> args = new ArrayList<>(5 * windows.size());
        return jdbc.query(union(windows, VALUE_COLUMNS, limit, args), VALUES, args.toArray());
    }

    /** One query for the windows: a UNION of pages, each an index range. */
    private static String union(List<ReadingsApi.Window> windows, String columns, int limit, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        for (ReadingsApi.Window w : windows) {
            sql.append(args.isEmpty() ? "(" : " UNION ALL (");
            appendPage(sql, args, columns, w.patientId(), w.type(), w.from(), w.to(), null, null, limit);
            sql.append(')');
        }
        return sql.toString();
    }

    private static void appendPage(StringBuilder sql, List<Object> args, String columns, long patientId, ReadingType type,
                                   Instant from, Instant to, Instant afterAt, Long afterId, int limit) {
        sql.append("SELECT ").append(columns).append(" FROM core_reading WHERE patient_id = ? AND deleted_at IS NULL");
        args.add(patientId);
        if (type != null) {
            sql.append(" AND type = ?");
            args.add(type.name());
        }
        if (from != null) {
            sql.append(" AND measured_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND measured_at < ?");
            args.add(Timestamp.from(to));
        }
        if (afterAt != null) {
            sql.append(" AND (measured_at < ? OR (measured_at = ? AND id < ?))");
            args.add(Timestamp.from(afterAt));
            args.add(Timestamp.from(afterAt));
            args.add(afterId);
        }
        sql.append(" ORDER BY measured_at DESC, id DESC LIMIT ?");
        args.add(limit);
    }

    /** When a patient measured something. */
    record Measured(long patientId, Instant at) {
    }

    /** When the patients' active readings were measured, each patient's from a moment on. */
    List<Measured> measuredSince(Map<Long, Instant> from) {
        StringBuilder sql = new StringBuilder("SELECT patient_id, measured_at FROM core_reading WHERE deleted_at IS NULL AND (");
        List<Object> args = new ArrayList<>(2 * from.size());
        from.forEach((patientId, at) -> {
            sql.append(args.isEmpty() ? "" : " OR ").append("(patient_id = ? AND measured_at >= ?)");
            args.add(patientId);
            args.add(Timestamp.from(at));
        });
        return jdbc.query(sql.append(')').toString(),
                (rs, i) -> new Measured(rs.getLong(1), rs.getTimestamp(2).toInstant()), args.toArray());
    }

    private static <E extends Enum<E>> E name(ResultSet rs, int column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
