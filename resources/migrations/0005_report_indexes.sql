-- Covering indexes for the satisfaction and market-validation reports: a window of a million
-- feedback items is read from the index alone instead of row by row from the table.
CREATE INDEX feedback_scores ON feedback(score_kind, created_at, score, feature_id);
CREATE INDEX feedback_evidence ON feedback(created_at, feature_id, company_id, score_kind, score);
