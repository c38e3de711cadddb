-- How each camera is recorded; a camera without a row is recorded continuously (the default).
CREATE TABLE recording_policy (
    camera_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    mode              VARCHAR(16) NOT NULL,
    pre_event_millis  BIGINT      NOT NULL,
    post_event_millis BIGINT      NOT NULL
);
