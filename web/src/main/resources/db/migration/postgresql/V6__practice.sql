-- PostgreSQL twin of sqlite/V6__practice.sql (issue 16): see the comments there.
CREATE TABLE practice_reported (
    member_id   BIGINT PRIMARY KEY REFERENCES members(id),
    ordered_at  TEXT NOT NULL
);

CREATE TABLE practice_scorecards (
    member_id        BIGINT NOT NULL REFERENCES members(id),
    position         INTEGER NOT NULL,
    kata             TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    passed           INTEGER NOT NULL,
    seconds_to_pass  BIGINT,
    hints            INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    PRIMARY KEY (member_id, position)
);

CREATE TABLE practice_overdue (
    member_id     BIGINT NOT NULL REFERENCES members(id),
    kata          TEXT NOT NULL,
    days_overdue  BIGINT NOT NULL,
    PRIMARY KEY (member_id, kata)
);
