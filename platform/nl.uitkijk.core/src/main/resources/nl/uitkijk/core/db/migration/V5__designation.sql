-- Designations (aanwijzingsbesluiten, Gemeentewet art. 151c). The area is GeoJSON (WGS84); live-view windows and
-- signage are JSON lists. Times are UTC microseconds since the epoch; dates are ISO-8601 (yyyy-MM-dd).
CREATE TABLE designation (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    decision_reference VARCHAR(100)  NOT NULL,
    decision_date      VARCHAR(10),
    purpose            VARCHAR(2000) NOT NULL,
    area               CLOB          NOT NULL,
    valid_from_us      BIGINT        NOT NULL,
    valid_until_us     BIGINT        NOT NULL,
    live_view_windows  CLOB          NOT NULL,
    evaluation_date    VARCHAR(10),
    signage            CLOB          NOT NULL,
    updated_us         BIGINT        NOT NULL
);
