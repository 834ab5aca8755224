-- A ReadingsRecorded event carries a whole batch (up to 500 readings, ~250 KB as JSON).
ALTER TABLE EVENT_PUBLICATION MODIFY SERIALIZED_EVENT MEDIUMTEXT NOT NULL;
