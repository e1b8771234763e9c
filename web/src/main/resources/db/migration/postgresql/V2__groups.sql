-- PostgreSQL twin of sqlite/V2__groups.sql.
CREATE TABLE study_groups (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE group_members (
    group_id    BIGINT NOT NULL REFERENCES study_groups(id),
    member_id   BIGINT NOT NULL REFERENCES members(id),
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
);

CREATE TABLE admin_tokens (
    id          BIGSERIAL PRIMARY KEY,
    salt        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
