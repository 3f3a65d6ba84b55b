-- GNBV schema, version 6: which D1 database holds each region's data (worker/db/directory.ts).
-- The directory database (binding DB) keeps what is global: regions, communes, tokens, sign-in
-- failures, and this table. A region with a row here has its submissions, reviews, plans and
-- downloads in the named binding (DB_…, declared in wrangler.toml); a region without one keeps
-- them in DB, so a one-database deploy works unchanged. The same migrations run on every database
-- (npm run migrate:all): every table exists everywhere, each database uses its own.

CREATE TABLE region_databases (
  region_id TEXT PRIMARY KEY REFERENCES regions (id),
  binding TEXT NOT NULL CHECK (binding GLOB 'DB_[A-Z0-9_]*' AND length(binding) <= 64),
  assigned_at TEXT NOT NULL
);

CREATE INDEX region_databases_by_binding ON region_databases (binding);
