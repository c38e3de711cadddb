-- The control room's alarm queue: stored before anyone is told, acknowledged with who, when and a comment.
-- Times are UTC microseconds.
CREATE TABLE alarm (
    id          BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    raised_us   BIGINT       NOT NULL,
    camera_id   VARCHAR(64),
    type        VARCHAR(32)  NOT NULL,
    priority    VARCHAR(8)   NOT NULL,
    summary     VARCHAR(500) NOT NULL,
    ack_user    VARCHAR(100),
    ack_us      BIGINT,
    ack_comment VARCHAR(500)
);
CREATE INDEX alarm_open ON alarm (ack_user, raised_us);
