-- A member's practice (issue 16), as their latest upload carrying a practice summary reported it: the latest
-- interview scorecards (newest first, at most 5) and the reviews overdue at that time. Replaced whole by a
-- newer summary (ordered_at: the report's generatedAt, never later than its receipt, as for latest);
-- reports without a summary leave it alone.
CREATE TABLE practice_reported (
    member_id   INTEGER PRIMARY KEY REFERENCES members(id),
    ordered_at  TEXT NOT NULL
);

CREATE TABLE practice_scorecards (
    member_id        INTEGER NOT NULL REFERENCES members(id),
    position         INTEGER NOT NULL,
    kata             TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    passed           INTEGER NOT NULL,
    seconds_to_pass  INTEGER,
    hints            INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    PRIMARY KEY (member_id, position)
);

CREATE TABLE practice_overdue (
    member_id     INTEGER NOT NULL REFERENCES members(id),
    kata          TEXT NOT NULL,
    days_overdue  INTEGER NOT NULL,
    PRIMARY KEY (member_id, kata)
);
