-- care-core: accounts, care teams, invites, consent, readings, audit.
-- Instants are stored as DATETIME(3) in UTC (the service runs with user.timezone=UTC).

CREATE TABLE core_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    role           VARCHAR(16)  NOT NULL,
    openid         VARCHAR(64)  NULL,
    username       VARCHAR(64)  NULL,
    password_hash  VARCHAR(100) NULL,
    display_name   VARCHAR(64)  NULL,
    birth_year     INT          NULL,
    sex            VARCHAR(8)   NULL,
    conditions     VARCHAR(64)  NULL,
    glucose_unit   VARCHAR(8)   NOT NULL DEFAULT 'MMOL_L',
    time_zone      VARCHAR(40)  NOT NULL DEFAULT 'Asia/Shanghai',
    phone_cipher   VARCHAR(255) NULL,
    created_at     DATETIME(3)  NOT NULL,
    deleted_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_core_user_openid UNIQUE (openid),
    CONSTRAINT uk_core_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_care_team (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    name        VARCHAR(64) NOT NULL,
    created_by  BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_care_team_member (
    team_id   BIGINT      NOT NULL,
    user_id   BIGINT      NOT NULL,
    tier      INT         NOT NULL,
    added_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (team_id, user_id),
    INDEX idx_core_team_member_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A patient belongs to at most one care team.
CREATE TABLE core_care_team_patient (
    patient_id  BIGINT      NOT NULL,
    team_id     BIGINT      NOT NULL,
    joined_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (patient_id),
    INDEX idx_core_team_patient_team (team_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_invite (
    code          VARCHAR(16) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    role          VARCHAR(16) NULL,
    care_team_id  BIGINT      NULL,
    created_by    BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    expires_at    DATETIME(3) NOT NULL,
    redeemed_by   BIGINT      NULL,
    redeemed_at   DATETIME(3) NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_consent (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    user_id         BIGINT      NOT NULL,
    scope           VARCHAR(32) NOT NULL,
    policy_version  VARCHAR(16) NOT NULL,
    granted_at      DATETIME(3) NOT NULL,
    withdrawn_at    DATETIME(3) NULL,
    PRIMARY KEY (id),
    INDEX idx_core_consent_user (user_id, scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_reading (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    patient_id      BIGINT        NOT NULL,
    client_id       VARCHAR(64)   NOT NULL,
    content_hash    CHAR(64)      NOT NULL,
    type            VARCHAR(16)   NOT NULL,
    measured_at     DATETIME(3)   NOT NULL,
    received_at     DATETIME(3)   NOT NULL,
    late_backfill   BOOLEAN       NOT NULL,
    glucose_mmol    DECIMAL(5, 2) NULL,
    glucose_value   DECIMAL(6, 2) NULL,
    glucose_unit    VARCHAR(8)    NULL,
    glucose_context VARCHAR(16)   NULL,
    glucose_flag    VARCHAR(4)    NULL,
    systolic        INT           NULL,
    diastolic       INT           NULL,
    pulse           INT           NULL,
    symptoms        VARCHAR(255)  NULL,
    source          VARCHAR(8)    NOT NULL,
    note            VARCHAR(500)  NULL,
    deleted_at      DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_core_reading_client UNIQUE (patient_id, client_id),
    INDEX idx_core_reading_timeline (patient_id, measured_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE core_audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    at          DATETIME(3)  NOT NULL,
    actor_id    BIGINT       NULL,
    patient_id  BIGINT       NULL,
    action      VARCHAR(48)  NOT NULL,
    detail      VARCHAR(255) NULL,
    PRIMARY KEY (id),
    INDEX idx_core_audit_patient (patient_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
