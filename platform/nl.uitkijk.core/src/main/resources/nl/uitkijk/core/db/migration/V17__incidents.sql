-- The control room's own work: incidents, their journal, alarms, cameras, held footage and ticked steps; the
-- procedures (every version kept) and outcomes supervisors keep; the shift log; saved video walls. Times are UTC
-- microseconds. Nothing here is deleted by the application: an incident is closed, an outcome retired.
CREATE TABLE incident (
    id                BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title             VARCHAR(200) NOT NULL,
    type              VARCHAR(32),
    priority          VARCHAR(8)   NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    handed_to         VARCHAR(64),
    outcome           VARCHAR(64),
    opened_us         BIGINT       NOT NULL,
    opened_by         VARCHAR(100) NOT NULL,
    closed_us         BIGINT,
    closed_by         VARCHAR(100),
    procedure_id      VARCHAR(64),
    procedure_version INT,
    -- after closing: when the incident's holds end (released by the sweep), and whether they were
    hold_until_us     BIGINT,
    holds_released    SMALLINT     NOT NULL DEFAULT 0
);
CREATE INDEX incident_state ON incident (state, id);
CREATE INDEX incident_holds ON incident (holds_released, hold_until_us);

CREATE TABLE incident_alarm (
    incident_id BIGINT   NOT NULL REFERENCES incident (id),
    alarm_uid   CHAR(36) NOT NULL,
    PRIMARY KEY (incident_id, alarm_uid)
);
CREATE INDEX incident_alarm_uid ON incident_alarm (alarm_uid);

CREATE TABLE incident_camera (
    incident_id BIGINT      NOT NULL REFERENCES incident (id),
    camera_id   VARCHAR(64) NOT NULL,
    position    INT         NOT NULL,
    PRIMARY KEY (incident_id, camera_id)
);

CREATE TABLE incident_journal (
    id          BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT        NOT NULL REFERENCES incident (id),
    at_us       BIGINT        NOT NULL,
    user_name   VARCHAR(100)  NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    text        VARCHAR(2000) NOT NULL
);
CREATE INDEX incident_journal_incident ON incident_journal (incident_id, id);

CREATE TABLE incident_bookmark (
    id          BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT       NOT NULL REFERENCES incident (id),
    camera_id   VARCHAR(64)  NOT NULL,
    from_us     BIGINT       NOT NULL,
    to_us       BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    label       VARCHAR(200) NOT NULL,
    sha256      CHAR(64),
    hold_id     BIGINT,
    at_us       BIGINT       NOT NULL,
    user_name   VARCHAR(100) NOT NULL
);
CREATE INDEX incident_bookmark_incident ON incident_bookmark (incident_id);

CREATE TABLE incident_step (
    incident_id BIGINT        NOT NULL REFERENCES incident (id),
    step_no     INT           NOT NULL,
    user_name   VARCHAR(100)  NOT NULL,
    at_us       BIGINT        NOT NULL,
    note        VARCHAR(1000),
    PRIMARY KEY (incident_id, step_no)
);

CREATE TABLE procedure_version (
    id         VARCHAR(64)   NOT NULL,
    version    INT           NOT NULL,
    title      VARCHAR(200)  NOT NULL,
    applies_to VARCHAR(1000) NOT NULL,
    saved_us   BIGINT        NOT NULL,
    saved_by   VARCHAR(100)  NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE procedure_step (
    procedure_id  VARCHAR(64)  NOT NULL,
    version       INT          NOT NULL,
    step_no       INT          NOT NULL,
    text          VARCHAR(500) NOT NULL,
    required      SMALLINT     NOT NULL,
    note_required SMALLINT     NOT NULL,
    PRIMARY KEY (procedure_id, version, step_no)
);

CREATE TABLE incident_outcome (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    label       VARCHAR(200) NOT NULL,
    false_alarm SMALLINT     NOT NULL,
    keep_days   INT          NOT NULL,
    active      SMALLINT     NOT NULL
);
-- the outcomes a new installation starts with; supervisors change them
INSERT INTO incident_outcome VALUES ('resolved', 'Afgehandeld door de meldkamer', 0, 0, 1);
INSERT INTO incident_outcome VALUES ('handed-over', 'Overgedragen aan politie of handhaving', 0, 28, 1);
INSERT INTO incident_outcome VALUES ('no-action', 'Gezien, geen actie nodig', 0, 0, 1);
INSERT INTO incident_outcome VALUES ('false-alarm', 'Loos alarm', 1, 0, 1);

CREATE TABLE shift_note (
    id        BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_us     BIGINT        NOT NULL,
    user_name VARCHAR(100)  NOT NULL,
    text      VARCHAR(2000) NOT NULL
);
CREATE INDEX shift_note_at ON shift_note (at_us);

CREATE TABLE shift_sign_in (
    id        BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_us     BIGINT       NOT NULL,
    user_name VARCHAR(100) NOT NULL
);
CREATE INDEX shift_sign_in_at ON shift_sign_in (at_us);

-- owner '' is the room's shared view (a primary key cannot hold NULL)
CREATE TABLE wall_view (
    owner    VARCHAR(100)  NOT NULL,
    name     VARCHAR(100)  NOT NULL,
    layout   VARCHAR(8000) NOT NULL,
    saved_us BIGINT        NOT NULL,
    saved_by VARCHAR(100)  NOT NULL,
    PRIMARY KEY (owner, name)
);
