-- Currency conversion for reports. rate is the value of one unit of currency in the
-- workspace's base currency (workspace_meta 'base_currency'); currencies without a rate are
-- reported on their own, never added to others.
CREATE TABLE currency_rates (
    currency   TEXT PRIMARY KEY CHECK (length(currency) = 3),
    rate       REAL NOT NULL CHECK (rate > 0),
    updated_at TEXT NOT NULL
);

-- How each record came by its feature: NULL when the data brought it (or there is none),
-- 'rule:<name>' when a linking rule set it, 'manual' when a person did.
ALTER TABLE work_items ADD COLUMN feature_link TEXT;
ALTER TABLE feedback ADD COLUMN feature_link TEXT;
ALTER TABLE documents ADD COLUMN feature_link TEXT;

-- Links made or removed by hand, by the record's identity in its service, so that they
-- survive every later sync. feature_id NULL: the record belongs to no feature.
CREATE TABLE feature_link_overrides (
    record_table TEXT NOT NULL CHECK (record_table IN ('work_items', 'feedback', 'documents')),
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    feature_id   INTEGER REFERENCES features(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (record_table, source_id, external_id)
);

-- The same feature seen by several tools is merged into one: reports count a merged
-- feature's records under the feature it was merged into, and every source keeps its row.
ALTER TABLE features ADD COLUMN merged_into INTEGER REFERENCES features(id) ON DELETE SET NULL;
CREATE INDEX features_merged_into ON features(merged_into);

-- Merges decided by hand (merged_into NULL: keep apart, undoing a rule's merge).
CREATE TABLE feature_merge_overrides (
    feature_id  INTEGER PRIMARY KEY REFERENCES features(id) ON DELETE CASCADE,
    merged_into INTEGER REFERENCES features(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL
);
