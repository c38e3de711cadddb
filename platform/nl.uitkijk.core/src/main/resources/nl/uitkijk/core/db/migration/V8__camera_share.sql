-- Cameras shared with an outside party (the police): who shared it and when (UTC microseconds).
CREATE TABLE camera_share (
    camera_id  VARCHAR(64)  NOT NULL,
    party      VARCHAR(32)  NOT NULL,
    shared_by  VARCHAR(100) NOT NULL,
    shared_us  BIGINT       NOT NULL,
    PRIMARY KEY (camera_id, party)
);
