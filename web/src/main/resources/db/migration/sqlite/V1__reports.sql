-- Members: the local learner ("local") and, for study groups, each member whose CI uploads.
CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- Upload tokens, stored only as salted SHA-256 hashes; revoked tokens are kept for the record.
CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    salt        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- One grading run (one report), idempotent per member by its runId; the body is the report as received.
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    run_id        TEXT NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES members(id),
    generated_at  TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    subject       TEXT NOT NULL,
    strict        INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    total         INTEGER NOT NULL,
    passed        INTEGER NOT NULL,
    failed        INTEGER NOT NULL,
    pending       INTEGER NOT NULL,
    body          TEXT NOT NULL,
    UNIQUE (member_id, run_id)
);
CREATE INDEX runs_member_time ON runs(member_id, generated_at);

-- Each kata's verdict in a run, with its first failed check.
CREATE TABLE results (
    run_pk          INTEGER NOT NULL REFERENCES runs(id),
    slug            TEXT NOT NULL,
    status          TEXT NOT NULL,
    duration_ms     INTEGER NOT NULL,
    checks_passed   INTEGER NOT NULL,
    checks_total    INTEGER NOT NULL,
    check_name      TEXT,
    check_kind      TEXT,
    message         TEXT,
    counterexample  TEXT,
    seed            INTEGER,
    PRIMARY KEY (run_pk, slug)
);
CREATE INDEX results_slug ON results(slug, run_pk);

-- Each member's latest verdict per kata, kept up to date on ingest so pages read one small table.
CREATE TABLE latest (
    member_id     INTEGER NOT NULL REFERENCES members(id),
    slug          TEXT NOT NULL,
    status        TEXT NOT NULL,
    run_pk        INTEGER NOT NULL REFERENCES runs(id),
    generated_at  TEXT NOT NULL,
    PRIMARY KEY (member_id, slug)
);

-- How far the local run history file has been read.
CREATE TABLE ingest_offsets (
    path    TEXT PRIMARY KEY,
    offset_bytes  INTEGER NOT NULL
);
