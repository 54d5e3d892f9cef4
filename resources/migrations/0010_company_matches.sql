-- How each service's company was matched to the shared one: 'domain', 'name', 'new' (nothing
-- matched, so it made a company) or 'manual' (split off or merged by hand). NULL: filed before
-- matches were recorded.
ALTER TABLE company_sources ADD COLUMN matched_by TEXT;
-- The service's own name and domain for it, to show why a match was made.
ALTER TABLE company_sources ADD COLUMN name TEXT;
ALTER TABLE company_sources ADD COLUMN domain TEXT;

-- A company's name reduced for matching (case, punctuation and legal suffixes dropped); the
-- linker writes the full form, this first value only folds case.
ALTER TABLE companies ADD COLUMN name_key TEXT;
UPDATE companies SET name_key = lower(trim(name));
CREATE INDEX companies_name_key ON companies(name_key);
CREATE TRIGGER companies_name_key_default AFTER INSERT ON companies
    WHEN NEW.name_key IS NULL
BEGIN
    UPDATE companies SET name_key = lower(trim(NEW.name)) WHERE id = NEW.id;
END;

-- Matches people decided (a wrong match split off, two companies merged), keyed by each
-- service's own identifier so that every later sync files the identifier where they put it.
CREATE TABLE company_match_overrides (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (source_id, external_id)
);
CREATE INDEX company_match_overrides_company ON company_match_overrides(company_id);

-- The company's id in the same service (a Salesforce AccountId, a Pipedrive org_id, a HubSpot
-- deal's associated company), resolved to company_id through company_sources.
ALTER TABLE sales_opportunities ADD COLUMN company_ref TEXT;
CREATE INDEX sales_opportunities_company_ref ON sales_opportunities(source_id, company_ref);
ALTER TABLE users ADD COLUMN company_ref TEXT;
CREATE INDEX users_company_ref ON users(source_id, company_ref);
CREATE INDEX feedback_company_ref ON feedback(source_id, company_ref);
