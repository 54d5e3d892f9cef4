-- A workspace's own identity. Source ids are only unique within one workspace, so secrets
-- in the keychain are filed under this id as well: two workspaces never share a token.
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO workspace_meta (key, value) VALUES ('id', lower(hex(randomblob(16))));
