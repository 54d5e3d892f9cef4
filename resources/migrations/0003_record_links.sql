-- Links between synced records, kept as the service's own ids (a Jira issue's epic, a GitHub
-- issue's milestone, a Productboard note's features) so that they hold whatever order the
-- streams sync in; feature linking resolves them to rows later.
ALTER TABLE work_items ADD COLUMN project TEXT;     -- project, repository or board
ALTER TABLE work_items ADD COLUMN feature_ref TEXT; -- epic, project or feature it belongs to
ALTER TABLE work_items ADD COLUMN release_ref TEXT; -- fix version or milestone
ALTER TABLE work_items ADD COLUMN sprint TEXT;      -- sprint or cycle
CREATE INDEX work_items_feature_ref ON work_items(source_id, feature_ref);

ALTER TABLE feedback ADD COLUMN feature_ref TEXT;   -- linked features, comma-separated
ALTER TABLE feedback ADD COLUMN company_ref TEXT;   -- the company's id in the same service

ALTER TABLE documents ADD COLUMN container TEXT;    -- Figma project, Notion database
ALTER TABLE documents ADD COLUMN created_at TEXT;

-- CI/CD runs, for delivery metrics (lead time, failure rate, duration).
CREATE TABLE pipelines (
    id               INTEGER PRIMARY KEY,
    source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id      TEXT NOT NULL,
    project          TEXT,
    ref              TEXT,
    status           TEXT,
    created_at       TEXT,
    started_at       TEXT,
    finished_at      TEXT,
    duration_seconds REAL,
    url              TEXT,
    updated_at       TEXT,
    raw              TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX pipelines_finished_at ON pipelines(finished_at);
