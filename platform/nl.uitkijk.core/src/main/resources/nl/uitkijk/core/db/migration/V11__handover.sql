-- Live hand-overs to control rooms: the link's secret is stored only as its SHA-256 (to find it) and sealed with the
-- installation's key outside the database (to send the link again with a redelivered alarm). Times in UTC microseconds.
CREATE TABLE handover (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    token       VARCHAR(200) NOT NULL,
    camera_ids  VARCHAR(2000) NOT NULL,
    party       VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_us  BIGINT       NOT NULL,
    until_us    BIGINT       NOT NULL,
    revoked_by  VARCHAR(100),
    revoked_us  BIGINT,
    alarm_uid   CHAR(36)
);
CREATE UNIQUE INDEX handover_token ON handover (token_hash);
CREATE INDEX handover_alarm ON handover (alarm_uid);
