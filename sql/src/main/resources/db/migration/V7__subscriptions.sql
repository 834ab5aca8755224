-- wechat-api: the ledger of WeChat subscribe-message authorisations per user and template.
-- A one-time template allows one message per "accept"; long-term templates are not counted, only their status.
CREATE TABLE wx_subscription (
    user_id             BIGINT      NOT NULL,
    template_id         VARCHAR(64) NOT NULL,
    remaining           INT         NOT NULL DEFAULT 0,
    -- The user's last decision: ACCEPT, REJECT or BAN.
    status              VARCHAR(8)  NOT NULL,
    -- The app and the callback both report one "accept"; the second report within a short window is the same one.
    last_credit_source  VARCHAR(8)  NULL,
    last_credit_at      DATETIME(3) NULL,
    last_credit_paired  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at          DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
