-- Triage of feedback done in this app. It is keyed by the record's identity in its service,
-- not by row id, so that it survives every later sync, even one that deletes and re-inserts
-- the record. The synced feedback.status is what the service says; a triage status, when
-- there is one, wins over it in the inbox.
CREATE TABLE feedback_triage (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('new', 'triaged', 'linked', 'archived')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (source_id, external_id)
);
CREATE INDEX feedback_triage_status ON feedback_triage(status);

CREATE TABLE feedback_tags (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    tag         TEXT NOT NULL COLLATE NOCASE,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (source_id, external_id, tag)
);
CREATE INDEX feedback_tags_tag ON feedback_tags(tag);

-- Several features per item, each with how much the item matters to it (0 none to 3 critical).
CREATE TABLE feedback_feature_links (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    feature_id  INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    importance  INTEGER NOT NULL DEFAULT 1 CHECK (importance BETWEEN 0 AND 3),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (source_id, external_id, feature_id)
);
CREATE INDEX feedback_feature_links_feature ON feedback_feature_links(feature_id);

-- Named inbox filters, as the JSON of FeedbackFilter.
CREATE TABLE saved_views (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    filters_json TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- The inbox pages through a million items by keyset on (sort key, id); NULLs are folded into
-- the key so that each order is one index range, read newest (or highest) first.
CREATE INDEX feedback_inbox_date ON feedback(ifnull(created_at, ''));
CREATE INDEX feedback_inbox_score ON feedback(ifnull(score, -1e300));
CREATE INDEX feedback_inbox_title ON feedback(ifnull(title, '') COLLATE NOCASE);
