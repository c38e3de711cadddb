-- Legal holds: footage kept for an investigation beyond retention. Released, never deleted: the register is evidence.
-- Times are UTC microseconds since the epoch.
CREATE TABLE legal_hold (
    id          BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id   VARCHAR(64)  NOT NULL,
    start_us    BIGINT       NOT NULL,
    end_us      BIGINT       NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    case_number VARCHAR(100) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_us  BIGINT       NOT NULL,
    released_us BIGINT,
    released_by VARCHAR(100)
);
CREATE INDEX legal_hold_camera ON legal_hold (camera_id);

-- A camera's own maximum age of footage, where shorter than the platform's (never longer than the law allows).
CREATE TABLE camera_retention (
    camera_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    max_age_days INT         NOT NULL
);
