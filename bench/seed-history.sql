-- Gives every patient the state of someone who has used the app for two weeks: 28 in-range readings (one every
-- 12 h, glucose and blood pressure in turn), their alerting state and their first-reading sticker. Without it a
-- benchmark over many patients measures mostly first readings, which happen once per patient.
-- The readings carry no evaluation rows: nothing re-evaluates them (they are older than any re-check window).
INSERT INTO core_reading (patient_id, client_id, content_hash, type, measured_at, received_at, late_backfill,
                          glucose_mmol, glucose_value, glucose_unit, glucose_context, systolic, diastolic, pulse, source)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 28)
SELECT u.id, CONCAT('seed-', n.i), REPEAT('0', 64), IF(n.i % 2 = 0, 'GLUCOSE', 'BLOOD_PRESSURE'),
       UTC_TIMESTAMP(3) - INTERVAL (n.i * 12) HOUR, UTC_TIMESTAMP(3) - INTERVAL (n.i * 12) HOUR, FALSE,
       IF(n.i % 2 = 0, 6.2, NULL), IF(n.i % 2 = 0, 6.2, NULL), IF(n.i % 2 = 0, 'MMOL_L', NULL),
       IF(n.i % 2 = 0, 'FASTING', NULL), IF(n.i % 2 = 0, NULL, 126), IF(n.i % 2 = 0, NULL, 80),
       IF(n.i % 2 = 0, NULL, 72), 'MANUAL'
FROM core_user u CROSS JOIN n
WHERE u.role = 'PATIENT';

INSERT INTO alert_patient (patient_id, last_measured_at, missed_level)
SELECT id, UTC_TIMESTAMP(3) - INTERVAL 12 HOUR, 0 FROM core_user WHERE role = 'PATIENT';

INSERT INTO grp_award (user_id, reward, period_key, sticker, reason, awarded_at)
SELECT id, 'FIRST_READING', 'once', 'flower', '第一次记录血糖或血压', UTC_TIMESTAMP(3) FROM core_user WHERE role = 'PATIENT';
