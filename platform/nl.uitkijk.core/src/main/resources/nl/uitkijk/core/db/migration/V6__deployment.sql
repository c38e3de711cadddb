-- Deployments of mobile cameras: a place and a period under a designation. Times are UTC microseconds.
CREATE TABLE deployment (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    camera_id      VARCHAR(64)  NOT NULL,
    designation_id VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    lat            DOUBLE       NOT NULL,
    lon            DOUBLE       NOT NULL,
    direction      DOUBLE,
    address        VARCHAR(200),
    valid_from_us  BIGINT       NOT NULL,
    valid_until_us BIGINT       NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    created_us     BIGINT       NOT NULL
);
CREATE INDEX deployment_camera ON deployment (camera_id, valid_from_us);

-- Warnings about designations that were given (each once): END_IN_30_DAYS, END_IN_7_DAYS, EVALUATION_DUE.
CREATE TABLE designation_warning (
    designation_id VARCHAR(64) NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    about_us       BIGINT      NOT NULL, -- the end or evaluation date warned about: a new date warns again
    given_us       BIGINT      NOT NULL,
    PRIMARY KEY (designation_id, kind, about_us)
);
