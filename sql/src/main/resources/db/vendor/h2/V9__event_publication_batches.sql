-- A ReadingsRecorded event carries a whole batch (up to 500 readings, ~250 KB as JSON).
ALTER TABLE EVENT_PUBLICATION ALTER COLUMN SERIALIZED_EVENT VARCHAR(1000000) NOT NULL;
