-- reminder-scheduler: medication plans, their doses, and the due-queue of reminder pushes.
-- See notes/scheduling-at-scale.md: reminders are rows claimed in batches, Quartz only drives a few ticks.

CREATE TABLE rem_plan (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id       BIGINT       NOT NULL,
    name             VARCHAR(64)  NOT NULL,
    dose             VARCHAR(64)  NOT NULL,
    instructions     VARCHAR(255) NULL,
    -- "08:00,20:00" local times; days of week ISO 1 (Monday) to 7, NULL meaning every day.
    times_of_day     VARCHAR(150) NOT NULL,
    days_of_week     VARCHAR(16)  NULL,
    start_date       DATE         NOT NULL,
    end_date         DATE         NULL,
    time_zone        VARCHAR(40)  NOT NULL,
    status           VARCHAR(8)   NOT NULL,
    -- Doses exist up to this instant; the generate tick extends it over the rolling horizon.
    generated_until  DATETIME(3)  NOT NULL,
    missed_in_row    INT          NOT NULL DEFAULT 0,
    created_by       BIGINT       NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_by       BIGINT       NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    INDEX idx_rem_plan_patient (patient_id),
    INDEX idx_rem_plan_horizon (status, generated_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One dose of one plan at one instant: what the patient sees and marks taken, snoozed or skipped.
CREATE TABLE rem_dose (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    plan_id        BIGINT       NOT NULL,
    patient_id     BIGINT       NOT NULL,
    due_at         DATETIME(3)  NOT NULL,
    local_date     DATE         NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    snoozed_until  DATETIME(3)  NULL,
    taken_at       DATETIME(3)  NULL,
    skip_reason    VARCHAR(255) NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rem_dose UNIQUE (plan_id, due_at),
    INDEX idx_rem_dose_patient (patient_id, local_date),
    INDEX idx_rem_dose_open (status, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One WeChat message to one patient for all their doses due at one minute: the due-queue.
-- PENDING -> CLAIMED (leased by one dispatcher) -> SENDING (WeChat may have it) -> SENT, or a final state.
CREATE TABLE rem_push (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id       BIGINT       NOT NULL,
    due_at           DATETIME(3)  NOT NULL,
    time_zone        VARCHAR(40)  NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    next_attempt_at  DATETIME(3)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    lease_until      DATETIME(3)  NULL,
    claimed_by       VARCHAR(64)  NULL,
    sent_at          DATETIME(3)  NULL,
    error_code       INT          NULL,
    error            VARCHAR(255) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rem_push UNIQUE (patient_id, due_at),
    INDEX idx_rem_push_queue (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE rem_settings (
    patient_id   BIGINT      NOT NULL,
    quiet_start  VARCHAR(5)  NULL,
    quiet_end    VARCHAR(5)  NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (patient_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
