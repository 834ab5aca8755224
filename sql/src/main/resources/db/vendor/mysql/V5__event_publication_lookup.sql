-- Spring Modulith marks a publication completed by (listener, serialized event). Its MySQL schema has no index for
-- that (the H2 one does), so every completion scanned the whole table and ingestion slowed as the table grew.
CREATE INDEX EVENT_PUBLICATION_BY_LISTENER_ID_AND_SERIALIZED_EVENT_IDX
    ON EVENT_PUBLICATION (LISTENER_ID(255), SERIALIZED_EVENT(255));
