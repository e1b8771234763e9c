-- A year of a study group's history at a fixed cost (issue 17).
--
-- 1. runs.body, the report as received, was written and never read: 92% of the database. Every datum the
--    pages show is kept in runs and results. (SQLite reuses the freed pages; Database.sqlite runs VACUUM
--    once after this migration when most of the file is free pages.)
ALTER TABLE runs DROP COLUMN body;

-- 2. "Latest" means latest received by the server, not the client's generatedAt (a report dated 2000 or
--    2999 must not reorder the leaderboard or pin a stale status). received_at is written with a fixed
--    width (yyyy-MM-ddTHH:mm:ss.SSSZ) so text order is time order; older rows are normalised here.
UPDATE runs SET received_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at) WHERE strftime('%Y-%m-%dT%H:%M:%fZ', received_at) IS NOT NULL;
DROP INDEX runs_member_time;
CREATE INDEX runs_member_received ON runs(member_id, received_at, id);

-- results_slug served no query plan.
DROP INDEX results_slug;

-- latest gains received_at (the leaderboard's "last solved", in server time) and ordered_at, the time that decides which
-- run is a kata's latest: the report's generatedAt, but never later than when it was received. So a report dated 2999
-- counts as received and cannot pin a stale status, and an older run read late from a history file does not
-- replace a newer one.
ALTER TABLE latest ADD COLUMN received_at TEXT NOT NULL DEFAULT '';
ALTER TABLE latest ADD COLUMN ordered_at TEXT NOT NULL DEFAULT '';
DELETE FROM latest;
INSERT INTO latest(member_id, slug, status, run_pk, generated_at, received_at, ordered_at)
SELECT member_id, slug, status, run_pk, generated_at, received_at, ordered_at FROM (
    SELECT member_id, slug, status, run_pk, generated_at, received_at, ordered_at,
           ROW_NUMBER() OVER (PARTITION BY member_id, slug ORDER BY ordered_at DESC, run_pk DESC) AS n
    FROM (SELECT r.member_id, x.slug, x.status, x.run_pk, r.generated_at, r.received_at,
                 COALESCE(MIN(strftime('%Y-%m-%dT%H:%M:%fZ', r.generated_at), r.received_at), r.received_at) AS ordered_at
          FROM results x JOIN runs r ON r.id = x.run_pk) o) t
WHERE n = 1;

-- 3. Summaries kept current at upload time, so a page costs the same whatever the history's length.
-- The last failed result of each member x kata (the kata page's "last failure").
CREATE TABLE last_failures (
    member_id   INTEGER NOT NULL REFERENCES members(id),
    slug        TEXT NOT NULL,
    run_pk      INTEGER NOT NULL REFERENCES runs(id),
    ordered_at  TEXT NOT NULL,
    PRIMARY KEY (member_id, slug)
);
INSERT INTO last_failures(member_id, slug, run_pk, ordered_at)
SELECT member_id, slug, run_pk, ordered_at FROM (
    SELECT member_id, slug, run_pk, ordered_at,
           ROW_NUMBER() OVER (PARTITION BY member_id, slug ORDER BY ordered_at DESC, run_pk DESC) AS n
    FROM (SELECT r.member_id, x.slug, x.run_pk, COALESCE(MIN(strftime('%Y-%m-%dT%H:%M:%fZ', r.generated_at), r.received_at), r.received_at) AS ordered_at
          FROM results x JOIN runs r ON r.id = x.run_pk WHERE x.status = 'failed') o) t
WHERE n = 1;

-- The UTC days (yyyy-MM-dd of the report's generatedAt, as before) on which a run of the member passed a kata: the streak.
CREATE TABLE pass_days (
    member_id   INTEGER NOT NULL REFERENCES members(id),
    day         TEXT NOT NULL,
    PRIMARY KEY (member_id, day)
);
INSERT INTO pass_days(member_id, day)
SELECT DISTINCT member_id, substr(generated_at, 1, 10) FROM runs WHERE passed > 0;

-- Runs received per member and UTC day (the server's receive time): the group page's activity chart reads
-- at most members x 30 rows, however many runs a day brings.
CREATE TABLE run_days (
    member_id   INTEGER NOT NULL REFERENCES members(id),
    day         TEXT NOT NULL,
    runs        INTEGER NOT NULL,
    PRIMARY KEY (member_id, day)
);
INSERT INTO run_days(member_id, day, runs)
SELECT member_id, substr(received_at, 1, 10), COUNT(*) FROM runs GROUP BY member_id, substr(received_at, 1, 10);
