-- Hub events (a release, new feedback, a closed milestone, a won deal, ...) from webhooks and
-- from scheduled sync alike, and the user's triggers on them. One entry per object and
-- happening: dedupe_key lets a webhook and a later sync of the same object meet in one row.
CREATE TABLE triggers (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL
                     CHECK (kind IN ('adoption', 'unplanned_requests', 'nps_below',
                                     'campaign_draft', 'event')),
    parameters       TEXT NOT NULL DEFAULT '{}',
    enabled          INTEGER NOT NULL DEFAULT 1,
    active           INTEGER NOT NULL DEFAULT 0, -- the condition held at the last evaluation
    last_value       REAL,
    last_fired       TEXT,
    last_activity_id INTEGER NOT NULL DEFAULT 0, -- event triggers: the last entry looked at
    created_at       TEXT NOT NULL
);

CREATE TABLE activity (
    id               INTEGER PRIMARY KEY,
    occurred_at      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    hub_event        TEXT NOT NULL
                     CHECK (hub_event IN ('feature_release', 'user_feedback', 'usage_metrics',
                                          'development_milestone', 'market_validation',
                                          'trigger')),
    origin           TEXT NOT NULL CHECK (origin IN ('webhook', 'sync', 'trigger')),
    source_id        INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    title            TEXT NOT NULL,
    detail           TEXT,
    link             TEXT,
    trigger_id       INTEGER REFERENCES triggers(id) ON DELETE SET NULL,
    webhook_event_id INTEGER REFERENCES webhook_events(id) ON DELETE SET NULL,
    dedupe_key       TEXT UNIQUE
);
CREATE INDEX activity_event ON activity(hub_event, id);
CREATE INDEX activity_trigger ON activity(trigger_id) WHERE trigger_id IS NOT NULL;
