-- The camera registry: what administrators configure. Runtime state (status, streams) is not persisted.
CREATE TABLE camera (
    id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    name           VARCHAR(100)   NOT NULL,
    driver         VARCHAR(64)    NOT NULL,
    config         VARCHAR(32000) NOT NULL,
    lat            DOUBLE         NOT NULL,
    lon            DOUBLE         NOT NULL,
    direction      DOUBLE,
    address        VARCHAR(200),
    site           VARCHAR(100),
    designation_id VARCHAR(64),
    created_at     TIMESTAMP      NOT NULL,
    updated_at     TIMESTAMP      NOT NULL
);

CREATE INDEX camera_driver ON camera (driver);
