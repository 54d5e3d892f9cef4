-- Product Integration Hub workspace schema, version 1.
-- Table names are a contract shared by connectors, analytics, UI and exports.
-- Dates are ISO 8601 text in UTC; days are 'YYYY-MM-DD'; money is an amount plus a currency.
-- Synced tables are unique on (source_id, external_id) and keep each record's raw JSON.

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL UNIQUE,
    base_url      TEXT,
    settings_json TEXT NOT NULL DEFAULT '{}',
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL
);

CREATE TABLE sync_state (
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    stream     TEXT NOT NULL,
    cursor     TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source_id, stream)
);

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    stream      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'ok', 'failed', 'rate_limited', 'cancelled')),
    records     INTEGER NOT NULL DEFAULT 0,
    pages       INTEGER NOT NULL DEFAULT 0,
    error       TEXT,
    resume_at   TEXT
);
CREATE INDEX sync_runs_source_stream ON sync_runs(source_id, stream, started_at);

CREATE TABLE companies (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    domain TEXT
);
CREATE UNIQUE INDEX companies_domain ON companies(domain) WHERE domain IS NOT NULL;
CREATE INDEX companies_name ON companies(name COLLATE NOCASE);

-- Each service's own identifier for a company, so matches across tools can be undone.
CREATE TABLE company_sources (
    company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    raw         TEXT,
    updated_at  TEXT,
    PRIMARY KEY (source_id, external_id)
);
CREATE INDEX company_sources_company ON company_sources(company_id);

CREATE TABLE features (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    external_id  TEXT,
    name         TEXT NOT NULL,
    description  TEXT,
    status       TEXT,
    release_date TEXT,
    url          TEXT,
    updated_at   TEXT,
    raw          TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX features_release_date ON features(release_date);
CREATE INDEX features_name ON features(name COLLATE NOCASE);

CREATE TABLE releases (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    version     TEXT,
    released_at TEXT,
    url         TEXT,
    updated_at  TEXT,
    raw         TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX releases_released_at ON releases(released_at);

CREATE TABLE feature_releases (
    feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    PRIMARY KEY (feature_id, release_id)
);
CREATE INDEX feature_releases_release ON feature_releases(release_id);

CREATE TABLE work_items (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    feature_id  INTEGER REFERENCES features(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    kind        TEXT,
    state       TEXT,
    points      REAL,
    assignee    TEXT,
    created_at  TEXT,
    started_at  TEXT,
    resolved_at TEXT,
    url         TEXT,
    updated_at  TEXT,
    raw         TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX work_items_feature ON work_items(feature_id);
CREATE INDEX work_items_resolved_at ON work_items(resolved_at);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    external_id   TEXT,
    company_id    INTEGER REFERENCES companies(id) ON DELETE SET NULL,
    email         TEXT,
    name          TEXT,
    first_seen_at TEXT,
    raw           TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX users_company ON users(company_id);

-- Daily roll-up of usage events: one row per feature, day and user.
-- Keyed by feature then day, so a time window of one feature is one index range.
CREATE TABLE feature_usage (
    feature_id  INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    usage_count INTEGER NOT NULL CHECK (usage_count > 0),
    PRIMARY KEY (feature_id, day, user_id)
) WITHOUT ROWID;
CREATE INDEX feature_usage_user ON feature_usage(user_id, day);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    feature_id  INTEGER REFERENCES features(id) ON DELETE SET NULL,
    company_id  INTEGER REFERENCES companies(id) ON DELETE SET NULL,
    author      TEXT,
    title       TEXT,
    body        TEXT,
    score       REAL,
    score_kind  TEXT CHECK (score_kind IS NULL OR score_kind IN ('nps', 'csat', 'votes', 'rating', 'pmf')),
    channel     TEXT,
    status      TEXT NOT NULL DEFAULT 'new',
    url         TEXT,
    created_at  TEXT,
    updated_at  TEXT,
    raw         TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX feedback_feature ON feedback(feature_id);
CREATE INDEX feedback_company ON feedback(company_id);
CREATE INDEX feedback_created_at ON feedback(created_at);
CREATE INDEX feedback_status ON feedback(status, created_at);

-- Full-text index over feedback, kept in step with the table by the triggers below.
CREATE VIRTUAL TABLE feedback_fts USING fts5(
    title, body,
    content = 'feedback', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO feedback_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER feedback_fts_delete AFTER DELETE ON feedback BEGIN
    INSERT INTO feedback_fts(feedback_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER feedback_fts_update AFTER UPDATE OF title, body ON feedback BEGIN
    INSERT INTO feedback_fts(feedback_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO feedback_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE sales_opportunities (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    company_id  INTEGER REFERENCES companies(id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    stage       TEXT,
    is_closed   INTEGER NOT NULL DEFAULT 0,
    is_won      INTEGER NOT NULL DEFAULT 0,
    deal_size   REAL,
    currency    TEXT,
    close_date  TEXT,
    updated_at  TEXT,
    raw         TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX sales_opportunities_company ON sales_opportunities(company_id);

CREATE TABLE campaigns (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    type           TEXT,
    status         TEXT,
    start_date     TEXT,
    end_date       TEXT,
    product_launch TEXT,
    updated_at     TEXT,
    raw            TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX campaigns_product_launch ON campaigns(product_launch);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    kind        TEXT,
    title       TEXT NOT NULL,
    url         TEXT,
    feature_id  INTEGER REFERENCES features(id) ON DELETE SET NULL,
    updated_at  TEXT,
    raw         TEXT,
    UNIQUE (source_id, external_id)
);
CREATE INDEX documents_feature ON documents(feature_id);

CREATE TABLE launch_plans (
    id          INTEGER PRIMARY KEY,
    product     TEXT NOT NULL,
    name        TEXT NOT NULL,
    launch_date TEXT NOT NULL,
    audiences   TEXT NOT NULL DEFAULT '[]',
    channels    TEXT NOT NULL DEFAULT '[]',
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE launch_plan_features (
    plan_id    INTEGER NOT NULL REFERENCES launch_plans(id) ON DELETE CASCADE,
    feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, feature_id)
);

CREATE TABLE launch_phases (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES launch_plans(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'phase' CHECK (kind IN ('phase', 'task')),
    parent_id  INTEGER REFERENCES launch_phases(id) ON DELETE CASCADE,
    owner      TEXT,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    progress   REAL NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date)
);
CREATE INDEX launch_phases_plan ON launch_phases(plan_id, position);

CREATE TABLE launch_milestones (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES launch_plans(id) ON DELETE CASCADE,
    phase_id INTEGER REFERENCES launch_phases(id) ON DELETE SET NULL,
    name     TEXT NOT NULL,
    due_date TEXT NOT NULL,
    critical INTEGER NOT NULL DEFAULT 0,
    done     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX launch_milestones_plan ON launch_milestones(plan_id);

CREATE TABLE launch_dependencies (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES launch_plans(id) ON DELETE CASCADE,
    from_kind    TEXT NOT NULL CHECK (from_kind IN ('phase', 'milestone')),
    from_id      INTEGER NOT NULL,
    to_kind      TEXT NOT NULL CHECK (to_kind IN ('phase', 'milestone')),
    to_id        INTEGER NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('approval', 'resource', 'timeline')),
    description  TEXT
);
CREATE INDEX launch_dependencies_plan ON launch_dependencies(plan_id);

CREATE TABLE feature_messaging (
    feature_id   INTEGER PRIMARY KEY REFERENCES features(id) ON DELETE CASCADE,
    messaging    TEXT,
    positioning  TEXT,
    key_benefits TEXT NOT NULL DEFAULT '[]',
    updated_at   TEXT
);

CREATE TABLE webhook_events (
    id          INTEGER PRIMARY KEY,
    provider    TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    event_type  TEXT,
    received_at TEXT NOT NULL,
    payload     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'received'
                CHECK (status IN ('received', 'processed', 'failed', 'ignored')),
    error       TEXT,
    UNIQUE (provider, delivery_id)
);
CREATE INDEX webhook_events_status ON webhook_events(status, received_at);
