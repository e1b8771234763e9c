-- PostgreSQL twin of sqlite/V4__lean_runs.sql (issue 17): see the comments there.
ALTER TABLE runs DROP COLUMN body;

UPDATE runs SET received_at = to_char((received_at::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
DROP INDEX runs_member_time;
CREATE INDEX runs_member_received ON runs(member_id, received_at, id);

DROP INDEX results_slug;

ALTER TABLE latest ADD COLUMN received_at TEXT NOT NULL DEFAULT '';
ALTER TABLE latest ADD COLUMN ordered_at TEXT NOT NULL DEFAULT '';
DELETE FROM latest;
INSERT INTO latest(member_id, slug, status, run_pk, generated_at, received_at, ordered_at)
SELECT member_id, slug, status, run_pk, generated_at, received_at, ordered_at FROM (
    SELECT member_id, slug, status, run_pk, generated_at, received_at, ordered_at,
           ROW_NUMBER() OVER (PARTITION BY member_id, slug ORDER BY ordered_at DESC, run_pk DESC) AS n
    FROM (SELECT r.member_id, x.slug, x.status, x.run_pk, r.generated_at, r.received_at,
                 LEAST(to_char((r.generated_at::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.received_at) AS ordered_at
          FROM results x JOIN runs r ON r.id = x.run_pk) o) t
WHERE n = 1;

CREATE TABLE last_failures (
    member_id   BIGINT NOT NULL REFERENCES members(id),
    slug        TEXT NOT NULL,
    run_pk      BIGINT NOT NULL REFERENCES runs(id),
    ordered_at  TEXT NOT NULL,
    PRIMARY KEY (member_id, slug)
);
INSERT INTO last_failures(member_id, slug, run_pk, ordered_at)
SELECT member_id, slug, run_pk, ordered_at FROM (
    SELECT member_id, slug, run_pk, ordered_at,
           ROW_NUMBER() OVER (PARTITION BY member_id, slug ORDER BY ordered_at DESC, run_pk DESC) AS n
    FROM (SELECT r.member_id, x.slug, x.run_pk, LEAST(to_char((r.generated_at::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.received_at) AS ordered_at
          FROM results x JOIN runs r ON r.id = x.run_pk WHERE x.status = 'failed') o) t
WHERE n = 1;

CREATE TABLE pass_days (
    member_id   BIGINT NOT NULL REFERENCES members(id),
    day         TEXT NOT NULL,
    PRIMARY KEY (member_id, day)
);
INSERT INTO pass_days(member_id, day)
SELECT DISTINCT member_id, substr(generated_at, 1, 10) FROM runs WHERE passed > 0;

-- Runs received per member and UTC day (the server's receive time): the group page's activity chart reads
-- at most members x 30 rows, however many runs a day brings.
CREATE TABLE run_days (
    member_id   BIGINT NOT NULL REFERENCES members(id),
    day         TEXT NOT NULL,
    runs        INTEGER NOT NULL,
    PRIMARY KEY (member_id, day)
);
INSERT INTO run_days(member_id, day, runs)
SELECT member_id, substr(received_at, 1, 10), COUNT(*) FROM runs GROUP BY member_id, substr(received_at, 1, 10);
