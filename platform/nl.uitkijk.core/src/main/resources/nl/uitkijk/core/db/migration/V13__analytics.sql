-- Analytics: which module runs on which camera (its config as JSON, checked by the module), what the modules found
-- (at most one row per camera, module and type a second, deleted with the footage's retention, never after 28 days),
-- and each episode of an event type with the JPEG of its first moment and the alarm it raised. Times in UTC µs.
CREATE TABLE analytics_policy (
    camera_id       VARCHAR(64)   NOT NULL,
    module_id       VARCHAR(64)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    config          CLOB          NOT NULL,
    alarm_priority  VARCHAR(8)    NOT NULL,
    changed_by      VARCHAR(100)  NOT NULL,
    changed_us      BIGINT        NOT NULL,
    PRIMARY KEY (camera_id, module_id)
);
CREATE TABLE detection (
    id          BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id   VARCHAR(64)   NOT NULL,
    module_id   VARCHAR(64)   NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    at_us       BIGINT        NOT NULL,
    confidence  DOUBLE        NOT NULL,
    x           DOUBLE        NOT NULL,
    y           DOUBLE        NOT NULL,
    w           DOUBLE        NOT NULL,
    h           DOUBLE        NOT NULL,
    attributes  VARCHAR(2000) NOT NULL,
    grid        CHAR(48)
);
CREATE INDEX detection_camera_time ON detection (camera_id, at_us);
CREATE INDEX detection_time ON detection (at_us);
CREATE TABLE analytics_episode (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    camera_id   VARCHAR(64)   NOT NULL,
    module_id   VARCHAR(64)   NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    started_us  BIGINT        NOT NULL,
    ended_us    BIGINT,
    alarm_uid   CHAR(36),
    snapshot    BLOB(2M)
);
CREATE INDEX episode_alarm ON analytics_episode (alarm_uid);
CREATE INDEX episode_time ON analytics_episode (started_us);
