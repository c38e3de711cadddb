-- When a camera's analytics module runs: weekly windows ("Mon-Fri 22:00-06:00"), ';'-separated; empty: always.
ALTER TABLE analytics_policy ADD COLUMN schedule VARCHAR(1000) NOT NULL DEFAULT '';
