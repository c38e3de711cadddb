-- Times are UTC microseconds since the epoch: no time zone or daylight-saving ambiguity.
-- The index of recorded segments: the files under the storage root are the footage, these rows say what is where.
-- A row is written only after its file is complete, so index and files agree after a crash.
CREATE TABLE recording_segment (
    id         BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id  VARCHAR(64)  NOT NULL,
    start_us   BIGINT       NOT NULL,
    end_us     BIGINT       NOT NULL,
    bytes      BIGINT       NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    path       VARCHAR(500) NOT NULL UNIQUE
);
CREATE INDEX recording_segment_camera_time ON recording_segment (camera_id, start_us);

-- Periods without footage while recording was wanted, and why (camera unreachable, stream broke, ...).
CREATE TABLE recording_gap (
    id         BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id  VARCHAR(64)  NOT NULL,
    start_us   BIGINT       NOT NULL,
    end_us     BIGINT       NOT NULL,
    reason     VARCHAR(300) NOT NULL
);
CREATE INDEX recording_gap_camera_time ON recording_gap (camera_id, start_us);
