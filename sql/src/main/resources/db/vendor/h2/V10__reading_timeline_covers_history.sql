-- As db/vendor/mysql/V10: the timeline index also holds what the alert rules and sticker streaks read.
DROP INDEX idx_core_reading_timeline;
CREATE INDEX idx_core_reading_timeline ON core_reading (patient_id, measured_at, id, type, deleted_at, glucose_value,
                                                        glucose_unit, glucose_context, glucose_flag, systolic, diastolic);
