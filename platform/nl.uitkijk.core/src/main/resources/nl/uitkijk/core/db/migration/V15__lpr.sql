-- Licence plates: the administrators' hotlist, and the passages kept: hits (with the camera's footage retention)
-- and, only when a no-hit window is configured, no-hits for that window. Times in UTC µs.
CREATE TABLE lpr_hotlist (
    plate           VARCHAR(16)   NOT NULL PRIMARY KEY,
    reason          VARCHAR(500)  NOT NULL,
    valid_until_us  BIGINT        NOT NULL,
    priority        VARCHAR(8)    NOT NULL,
    added_by        VARCHAR(100)  NOT NULL,
    added_us        BIGINT        NOT NULL
);
CREATE TABLE lpr_passage (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    camera_id       VARCHAR(64)   NOT NULL,
    at_us           BIGINT        NOT NULL,
    plate           VARCHAR(16)   NOT NULL,
    formatted       VARCHAR(20)   NOT NULL,
    sidecode        VARCHAR(4),
    country         VARCHAR(4),
    confidence      DOUBLE        NOT NULL,
    votes           INT           NOT NULL,
    hotlist_reason  VARCHAR(500),
    alarm_uid       CHAR(36)
);
CREATE INDEX lpr_passage_time ON lpr_passage (at_us);
CREATE INDEX lpr_passage_plate ON lpr_passage (plate, at_us);
