-- PostgreSQL twin of sqlite/V5__members_per_group.sql (issue 13): see the comments there. PostgreSQL
-- drops the UNIQUE of members.name in place, so the table keeps its rows and ids.
ALTER TABLE study_groups ADD COLUMN is_private INTEGER NOT NULL DEFAULT 0;

ALTER TABLE members ADD COLUMN group_id BIGINT REFERENCES study_groups(id);
ALTER TABLE members DROP CONSTRAINT members_name_key;
UPDATE members m SET group_id =
    (SELECT gm.group_id FROM group_members gm WHERE gm.member_id = m.id ORDER BY gm.joined_at, gm.group_id LIMIT 1);

INSERT INTO members(name, group_id, created_at)
SELECT m.name, gm.group_id, gm.joined_at
FROM group_members gm JOIN members m ON m.id = gm.member_id
WHERE gm.group_id <> m.group_id
ORDER BY gm.member_id, gm.group_id;

CREATE TABLE member_copies AS
SELECT o.id AS old_id, n.id AS new_id, n.group_id AS group_id
FROM members n
JOIN members o ON o.name = n.name AND o.id <> n.id
JOIN group_members gm ON gm.member_id = o.id AND gm.group_id = n.group_id;

INSERT INTO runs(run_id, member_id, generated_at, received_at, subject, strict, seed, total, passed, failed, pending)
SELECT r.run_id, c.new_id, r.generated_at, r.received_at, r.subject, r.strict, r.seed, r.total, r.passed, r.failed, r.pending
FROM runs r JOIN member_copies c ON c.old_id = r.member_id
ORDER BY r.id;

INSERT INTO results(run_pk, slug, status, duration_ms, checks_passed, checks_total, check_name, check_kind, message,
                    counterexample, seed, also_failing)
SELECT n.id, x.slug, x.status, x.duration_ms, x.checks_passed, x.checks_total, x.check_name, x.check_kind, x.message,
       x.counterexample, x.seed, x.also_failing
FROM results x
JOIN runs o ON o.id = x.run_pk
JOIN member_copies c ON c.old_id = o.member_id
JOIN runs n ON n.member_id = c.new_id AND n.run_id = o.run_id;

INSERT INTO latest(member_id, slug, status, run_pk, generated_at, received_at, ordered_at)
SELECT c.new_id, l.slug, l.status, n.id, l.generated_at, l.received_at, l.ordered_at
FROM latest l
JOIN member_copies c ON c.old_id = l.member_id
JOIN runs o ON o.id = l.run_pk
JOIN runs n ON n.member_id = c.new_id AND n.run_id = o.run_id;

INSERT INTO last_failures(member_id, slug, run_pk, ordered_at)
SELECT c.new_id, f.slug, n.id, f.ordered_at
FROM last_failures f
JOIN member_copies c ON c.old_id = f.member_id
JOIN runs o ON o.id = f.run_pk
JOIN runs n ON n.member_id = c.new_id AND n.run_id = o.run_id;

INSERT INTO pass_days(member_id, day)
SELECT c.new_id, p.day FROM pass_days p JOIN member_copies c ON c.old_id = p.member_id;

INSERT INTO run_days(member_id, day, runs)
SELECT c.new_id, d.day, d.runs FROM run_days d JOIN member_copies c ON c.old_id = d.member_id;

UPDATE group_members SET member_id = c.new_id
FROM member_copies c WHERE c.old_id = group_members.member_id AND c.group_id = group_members.group_id;

DROP TABLE member_copies;
CREATE UNIQUE INDEX members_group_name ON members((COALESCE(group_id, 0)), name);
