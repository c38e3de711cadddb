-- The audit trail. Append-only and hash-chained: hash = SHA-256 over the entry's fields and prev_hash, so that a
-- changed or deleted row is found by verification. Sequence numbers are assigned by the platform, without gaps.
-- Times are UTC microseconds since the epoch.
CREATE TABLE audit_entry (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at_us     BIGINT        NOT NULL,
    actor     VARCHAR(100)  NOT NULL,
    action    VARCHAR(100)  NOT NULL,
    subject   VARCHAR(200)  NOT NULL,
    origin    VARCHAR(200)  NOT NULL,
    reason    VARCHAR(1000) NOT NULL,
    detail    VARCHAR(2000) NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at_us);
