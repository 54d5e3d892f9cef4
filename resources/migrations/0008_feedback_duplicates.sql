-- Feedback merged into another item as a duplicate. Keyed by each record's identity in its
-- service, like the rest of triage, so a merge survives every sync; every source's record stays
-- in feedback, the inbox just shows the primary item in their place.
CREATE TABLE feedback_duplicates (
    source_id           INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id         TEXT NOT NULL,
    primary_source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    primary_external_id TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    PRIMARY KEY (source_id, external_id),
    CHECK (source_id != primary_source_id OR external_id != primary_external_id)
);
CREATE INDEX feedback_duplicates_primary
    ON feedback_duplicates(primary_source_id, primary_external_id);

-- Features made in this app (from a feedback item, say) have no source.
CREATE INDEX features_local ON features(id) WHERE source_id IS NULL;
