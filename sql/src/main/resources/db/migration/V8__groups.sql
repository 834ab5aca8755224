-- support-groups: doctor-led peer groups, their feeds, sticker reactions, reports and earned sticker rewards.

CREATE TABLE grp_group (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(40)  NOT NULL,
    description  VARCHAR(500) NULL,
    `condition`  VARCHAR(8)   NOT NULL,
    owner_id     BIGINT       NOT NULL,
    invite_code  VARCHAR(16)  NOT NULL,
    max_members  INT          NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_grp_group_invite UNIQUE (invite_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members see each other by display name only, copied here when they join.
CREATE TABLE grp_member (
    group_id      BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    role          VARCHAR(8)  NOT NULL,
    display_name  VARCHAR(64) NOT NULL,
    muted_until   DATETIME(3) NULL,
    -- The member's choice to have earned stickers celebrated in this group's feed.
    celebrate     BOOLEAN     NOT NULL DEFAULT FALSE,
    joined_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    INDEX idx_grp_member_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Posts and broadcasts. PUBLISHED posts are the feed; HELD wait for the group's doctor; HIDDEN were taken down.
CREATE TABLE grp_post (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    group_id          BIGINT        NOT NULL,
    author_id         BIGINT        NOT NULL,
    author_name       VARCHAR(64)   NOT NULL,
    client_id         VARCHAR(64)   NOT NULL,
    kind              VARCHAR(12)   NOT NULL,
    title             VARCHAR(60)   NULL,
    text              VARCHAR(2000) NOT NULL,
    image_media_ids   VARCHAR(500)  NULL,
    pinned            BOOLEAN       NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    held_reason       VARCHAR(64)   NULL,
    report_count      INT           NOT NULL DEFAULT 0,
    -- A broadcast held for review notifies members when the doctor approves it, if it asked to.
    notify_members    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_grp_post_client UNIQUE (author_id, client_id),
    INDEX idx_grp_post_feed (group_id, status, pinned, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- WeChat's asynchronous image check: one row per image of a held post, answered by the wxa_media_check callback.
CREATE TABLE grp_media_check (
    trace_id      VARCHAR(64)  NOT NULL,
    post_id       BIGINT       NOT NULL,
    media_id      VARCHAR(128) NOT NULL,
    suggest       VARCHAR(8)   NULL,
    label         VARCHAR(16)  NULL,
    requested_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (trace_id),
    INDEX idx_grp_media_check_post (post_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE grp_reaction (
    post_id     BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    sticker     VARCHAR(16) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (post_id, user_id, sticker),
    INDEX idx_grp_reaction_user (user_id, post_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE grp_report (
    post_id      BIGINT       NOT NULL,
    reporter_id  BIGINT       NOT NULL,
    reason       VARCHAR(255) NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (post_id, reporter_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A reward is earned once per period: period_key names it (e.g. "2026-11-24" for a streak reached that day).
CREATE TABLE grp_award (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    reward      VARCHAR(24)  NOT NULL,
    period_key  VARCHAR(16)  NOT NULL,
    sticker     VARCHAR(16)  NOT NULL,
    reason      VARCHAR(255) NOT NULL,
    awarded_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_grp_award UNIQUE (user_id, reward, period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
