-- The timeline index also holds what the alert rules and the sticker streaks read of a patient's recent readings,
-- so those reads stay in the index, where a patient's readings lie together, instead of fetching a table row (a
-- page apiece) for each. Built online (INPLACE, LOCK=NONE) on MySQL 8 and MariaDB: readings can be taken meanwhile.
ALTER TABLE core_reading
    DROP INDEX idx_core_reading_timeline,
    ADD INDEX idx_core_reading_timeline (patient_id, measured_at, id, type, deleted_at, glucose_value, glucose_unit,
                                         glucose_context, glucose_flag, systolic, diastolic);
