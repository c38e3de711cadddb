-- What each user keeps of their working place (the video wall's layout), so it follows them between workstations.
CREATE TABLE user_preference (
    user_name  VARCHAR(100)  NOT NULL,
    name       VARCHAR(64)   NOT NULL,
    value      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (user_name, name)
);
