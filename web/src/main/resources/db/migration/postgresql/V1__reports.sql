-- PostgreSQL twin of sqlite/V1__reports.sql: same tables, PostgreSQL types.
CREATE TABLE members (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE tokens (
    id          BIGSERIAL PRIMARY KEY,
    member_id   BIGINT NOT NULL REFERENCES members(id),
    salt        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE runs (
    id            BIGSERIAL PRIMARY KEY,
    run_id        TEXT NOT NULL,
    member_id     BIGINT NOT NULL REFERENCES members(id),
    generated_at  TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    subject       TEXT NOT NULL,
    strict        INTEGER NOT NULL,
    seed          BIGINT NOT NULL,
    total         INTEGER NOT NULL,
    passed        INTEGER NOT NULL,
    failed        INTEGER NOT NULL,
    pending       INTEGER NOT NULL,
    body          TEXT NOT NULL,
    UNIQUE (member_id, run_id)
);
CREATE INDEX runs_member_time ON runs(member_id, generated_at);

CREATE TABLE results (
    run_pk          BIGINT NOT NULL REFERENCES runs(id),
    slug            TEXT NOT NULL,
    status          TEXT NOT NULL,
    duration_ms     BIGINT NOT NULL,
    checks_passed   INTEGER NOT NULL,
    checks_total    INTEGER NOT NULL,
    check_name      TEXT,
    check_kind      TEXT,
    message         TEXT,
    counterexample  TEXT,
    seed            BIGINT,
    PRIMARY KEY (run_pk, slug)
);
CREATE INDEX results_slug ON results(slug, run_pk);

CREATE TABLE latest (
    member_id     BIGINT NOT NULL REFERENCES members(id),
    slug          TEXT NOT NULL,
    status        TEXT NOT NULL,
    run_pk        BIGINT NOT NULL REFERENCES runs(id),
    generated_at  TEXT NOT NULL,
    PRIMARY KEY (member_id, slug)
);

CREATE TABLE ingest_offsets (
    path          TEXT PRIMARY KEY,
    offset_bytes  BIGINT NOT NULL
);
