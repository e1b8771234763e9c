-- Study groups: an organiser's groups and the members in each.
CREATE TABLE study_groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE group_members (
    group_id    INTEGER NOT NULL REFERENCES study_groups(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
);

-- Admin tokens open the admin page; stored like upload tokens, as salted hashes.
CREATE TABLE admin_tokens (
    id          INTEGER PRIMARY KEY,
    salt        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
