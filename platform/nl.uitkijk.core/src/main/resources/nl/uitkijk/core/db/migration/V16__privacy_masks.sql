-- Fixed privacy masks per camera: polygons in 0..1 picture coordinates, as JSON. Times in UTC µs.
CREATE TABLE privacy_mask (
    camera_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    masks       CLOB          NOT NULL,
    changed_by  VARCHAR(100)  NOT NULL,
    changed_us  BIGINT        NOT NULL
);
