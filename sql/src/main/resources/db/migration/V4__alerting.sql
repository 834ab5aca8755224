-- alerting: episodes, the readings attached to them, evaluation idempotency, deliveries, silences, policies.

-- Per-patient state: threshold overrides (JSON, mmol/L and mmHg) and the missed-measurement clock.
CREATE TABLE alert_patient (
    patient_id          BIGINT        NOT NULL,
    thresholds          VARCHAR(1000) NULL,
    thresholds_by       BIGINT        NULL,
    thresholds_at       DATETIME(3)   NULL,
    thresholds_reason   VARCHAR(255)  NULL,
    last_measured_at    DATETIME(3)   NULL,
    missed_level        INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (patient_id),
    INDEX idx_alert_patient_measured (last_measured_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_alert (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id        BIGINT       NOT NULL,
    family            VARCHAR(24)  NOT NULL,
    parameter         VARCHAR(16)  NOT NULL,
    rule              VARCHAR(32)  NOT NULL,
    severity          VARCHAR(2)   NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    review            BOOLEAN      NOT NULL,
    -- "patient:family" while the episode is not resolved, NULL after: one open episode per patient and family.
    open_key          VARCHAR(48)  NULL,
    opened_at         DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    confirm_until     DATETIME(3)  NULL,
    next_notify_at    DATETIME(3)  NULL,
    ack_deadline      DATETIME(3)  NULL,
    tier              INT          NOT NULL DEFAULT 1,
    snoozed_until     DATETIME(3)  NULL,
    reading_count     INT          NOT NULL DEFAULT 0,
    acknowledged_by   BIGINT       NULL,
    acknowledged_at   DATETIME(3)  NULL,
    resolved_by       BIGINT       NULL,
    resolved_at       DATETIME(3)  NULL,
    resolution        VARCHAR(16)  NULL,
    resolution_note   VARCHAR(500) NULL,
    -- Optimistic lock: timers, instances and clinicians change an alert only from the state they read.
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_alert_open UNIQUE (open_key),
    INDEX idx_alert_patient (patient_id, status),
    INDEX idx_alert_due (status, next_notify_at),
    INDEX idx_alert_confirm (status, confirm_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_alert_reading (
    alert_id    BIGINT NOT NULL,
    reading_id  BIGINT NOT NULL,
    PRIMARY KEY (alert_id, reading_id),
    INDEX idx_alert_reading_reading (reading_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per evaluated reading: ReadingRecorded is delivered at least once, evaluation happens once.
CREATE TABLE alert_evaluation (
    reading_id    BIGINT      NOT NULL,
    patient_id    BIGINT      NOT NULL,
    advice        VARCHAR(32) NULL,
    evaluated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (reading_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_delivery (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id      BIGINT       NULL,
    patient_id    BIGINT       NULL,
    recipient_id  BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    severity      VARCHAR(2)   NULL,
    rule          VARCHAR(32)  NULL,
    status        VARCHAR(8)   NOT NULL,
    attempt       INT          NOT NULL,
    error_code    INT          NULL,
    error         VARCHAR(255) NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    retry_at      DATETIME(3)  NULL,
    PRIMARY KEY (id),
    INDEX idx_alert_delivery_alert (alert_id),
    INDEX idx_alert_delivery_retry (status, retry_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_silence (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id  BIGINT       NOT NULL,
    family      VARCHAR(24)  NULL,
    until_at    DATETIME(3)  NOT NULL,
    reason      VARCHAR(255) NOT NULL,
    created_by  BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    INDEX idx_alert_silence_patient (patient_id, until_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE alert_team_policy (
    team_id             BIGINT      NOT NULL,
    p1_repeat_minutes   INT         NOT NULL,
    p2_repeat_minutes   INT         NOT NULL,
    ack_timeout_minutes INT         NOT NULL,
    reack_minutes       INT         NOT NULL,
    night_start         VARCHAR(5)  NOT NULL,
    night_end           VARCHAR(5)  NOT NULL,
    last_digest_at      DATETIME(3) NULL,
    updated_by          BIGINT      NULL,
    updated_at          DATETIME(3) NULL,
    PRIMARY KEY (team_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
