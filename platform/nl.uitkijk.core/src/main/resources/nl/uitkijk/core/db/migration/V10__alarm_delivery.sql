-- Alarms get a globally unique id (the idempotency key control rooms receive; filled in for older rows at start)
-- and who raised them by hand. Each alarm's delivery to each control-room connector instance is stored in the same
-- transaction as the alarm (the outbox): pending until the receiver confirms or refuses it. Times in UTC microseconds.
ALTER TABLE alarm ADD COLUMN uid CHAR(36);
ALTER TABLE alarm ADD COLUMN raised_by VARCHAR(100);
CREATE INDEX alarm_uid ON alarm (uid);

CREATE TABLE alarm_delivery (
    alarm_id      BIGINT       NOT NULL REFERENCES alarm (id),
    connector_id  VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    done          SMALLINT     NOT NULL DEFAULT 0,
    attempts      INT          NOT NULL DEFAULT 0,
    last_error    VARCHAR(500),
    last_us       BIGINT,
    next_us       BIGINT       NOT NULL,
    failing_us    BIGINT,
    delivered_us  BIGINT,
    PRIMARY KEY (alarm_id, connector_id)
);
-- a connector's lane reads its undelivered alarms in the order they were raised
CREATE INDEX alarm_delivery_lane ON alarm_delivery (connector_id, done, alarm_id);
