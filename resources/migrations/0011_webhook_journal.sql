-- The webhook journal: what a replay needs besides the body, and how processing went.
-- headers: the request headers as a JSON object (lower-case names), without any header that
-- carries a secret or signature.
ALTER TABLE webhook_events ADD COLUMN headers TEXT;
ALTER TABLE webhook_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_events ADD COLUMN processed_at TEXT;
CREATE INDEX webhook_events_source ON webhook_events(source_id, received_at);
