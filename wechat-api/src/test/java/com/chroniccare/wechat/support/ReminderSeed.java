package com.chroniccare.wechat.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many patients with one reminder each due at the same instant, written straight to the database (the API path is
 * covered elsewhere; this is about dispatching volume). Each patient has one authorisation for the template.
 */
public final class ReminderSeed {

    private ReminderSeed() {
    }

    /** The seeded patients (openid LIKE {@code like}) and the instant their reminders are due. */
    public record Seeded(String like, Instant dueAt) {

        /** How many of the seeded reminders are in each status, as "STATUS=n" strings. */
        public List<String> statuses(JdbcTemplate jdbc) {
            return jdbc.queryForList("SELECT CONCAT(p.status, '=', COUNT(*)) FROM rem_push p JOIN core_user u"
                    + " ON u.id = p.patient_id WHERE u.openid LIKE ? AND p.due_at = ? GROUP BY p.status ORDER BY p.status",
                    String.class, like, Timestamp.from(dueAt));
        }

        public int count(JdbcTemplate jdbc, String status) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM rem_push p JOIN core_user u ON u.id = p.patient_id"
                    + " WHERE u.openid LIKE ? AND p.due_at = ? AND p.status = ?", Integer.class, like,
                    Timestamp.from(dueAt), status);
        }
    }

    /**
     * Seeds {@code n} patients whose openids start with {@code prefix}. Their plans' later doses are left to the
     * generate tick, so only the reminders at {@code dueAt} are the seed's.
     */
    public static Seeded seed(JdbcTemplate jdbc, String prefix, int n, Instant dueAt, String template) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp due = Timestamp.from(dueAt);
        List<Object[]> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(new Object[]{prefix + i, "Patient " + i, now});
        }
        jdbc.batchUpdate("INSERT INTO core_user (role, openid, display_name, created_at) VALUES ('PATIENT', ?, ?, ?)", users);
        String like = prefix + "%";
        String mine = " FROM core_user WHERE openid LIKE '" + like + "'";
        jdbc.update("INSERT INTO wx_subscription (user_id, template_id, remaining, status, updated_at)"
                + " SELECT id, ?, 1, 'ACCEPT', ?" + mine, template, now);
        String time = dueAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime().toString().substring(0, 5);
        jdbc.update("INSERT INTO rem_plan (patient_id, name, dose, times_of_day, start_date, time_zone, status,"
                + " generated_until, created_by, created_at, updated_by, updated_at)"
                + " SELECT id, '二甲双胍', '500 mg', ?, ?, 'Asia/Shanghai', 'ACTIVE', ?, id, ?, id, ?" + mine,
                time, java.sql.Date.valueOf(dueAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()), due, now, now);
        jdbc.update("INSERT INTO rem_dose (plan_id, patient_id, due_at, local_date, status, updated_at)"
                + " SELECT p.id, p.patient_id, ?, p.start_date, 'SCHEDULED', ? FROM rem_plan p JOIN core_user u"
                + " ON u.id = p.patient_id WHERE u.openid LIKE '" + like + "'", due, now);
        jdbc.update("INSERT INTO rem_push (patient_id, due_at, time_zone, status, next_attempt_at)"
                + " SELECT id, ?, 'Asia/Shanghai', 'PENDING', ?" + mine, due, due);
        return new Seeded(like, dueAt);
    }
}
