-- Usage events from analytics tools (Mixpanel, Amplitude), kept as daily counts per user and
-- event name. Events are never stored one by one: a month of them would not fit anywhere
-- sensible, and counts are all that feature usage needs.
--
-- `period` is the stretch of the export the counts came from (a day such as 2026-11-03, or an
-- hour such as 2026-11-03T14): syncing that period again replaces exactly its rows, so a
-- re-sync never counts an event twice. `day` is the UTC day the events happened on, which an
-- hourly export keyed on upload time may place outside its period.
--
-- user_id has no foreign key: checking one on every delete from `users` would scan this table
-- (its key leads with the source). The rows go with their source, as the users do; the
-- roll-up only reads counts whose user still exists.
CREATE TABLE usage_event_counts (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    period      TEXT NOT NULL,
    event_name  TEXT NOT NULL,
    user_id     INTEGER NOT NULL, -- users.id, a user of the same source
    event_count INTEGER NOT NULL CHECK (event_count > 0),
    PRIMARY KEY (source_id, day, period, event_name, user_id)
) WITHOUT ROWID;

-- The days each stored period has counts on. A period is replaced through the key of
-- usage_event_counts, day by day, so that table needs no second index (every event row
-- would pay for it on insert).
CREATE TABLE usage_periods (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    period    TEXT NOT NULL,
    day       TEXT NOT NULL,
    PRIMARY KEY (source_id, period, day)
) WITHOUT ROWID;

-- Which event names count as use of which feature. `pattern` is an exact event name, or, when
-- it holds * or ?, a wildcard pattern matched case-sensitively (SQLite GLOB).
CREATE TABLE usage_event_mappings (
    id         INTEGER PRIMARY KEY,
    pattern    TEXT NOT NULL,
    is_pattern INTEGER NOT NULL CHECK (is_pattern IN (0, 1)),
    feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    UNIQUE (pattern, feature_id)
);

-- The part of feature_usage that event roll-ups contributed, row for row. feature_usage also
-- holds usage from elsewhere (filled directly), possibly on the same feature, day and user: a
-- re-roll takes back exactly what it added before and adds the new counts, so other usage is
-- never touched.
CREATE TABLE usage_rollup (
    feature_id  INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    usage_count INTEGER NOT NULL CHECK (usage_count > 0),
    PRIMARY KEY (feature_id, day, user_id)
) WITHOUT ROWID;
CREATE INDEX usage_rollup_day ON usage_rollup(day);
CREATE INDEX usage_rollup_user ON usage_rollup(user_id);
