-- GNBV schema, version 2: submissions. Nothing is overwritten: a resubmission is a new version,
-- numbered per commune and period. Bodies are kept as received, in chunks under D1's row limit.

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  commune_id TEXT NOT NULL REFERENCES communes (id),
  period TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  -- JSON array of the sheet kinds the submission contains.
  kinds TEXT NOT NULL,
  token_id TEXT,
  -- The person the token belongs to (its label), as it was when they submitted.
  submitted_by TEXT NOT NULL,
  received_at TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  deadline TEXT NOT NULL,
  -- SHA-256 of the body's sheets as received.
  checksum TEXT NOT NULL,
  -- JSON { households, beneficiaries, progress }.
  row_counts TEXT NOT NULL,
  rule_pack TEXT NOT NULL,
  report_date TEXT NOT NULL,
  -- JSON array of the engine's warnings (a submission with an error is never stored).
  warnings TEXT NOT NULL,
  UNIQUE (commune_id, period, version)
);

CREATE INDEX submissions_by_period ON submissions (period, commune_id, version);

-- The body in parts: 'sheets' (the grids and mappings exactly as received, a JSON text split in
-- chunks) and one part per kind with the rows as the engine read them, a page of rows per chunk.
CREATE TABLE submission_parts (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  part TEXT NOT NULL CHECK (part IN ('sheets', 'households', 'beneficiaries', 'progress')),
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (submission_id, part, seq)
);

-- Idempotency keys, scoped to the token and kept 24 hours.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Every download of the merged workbook: it carries personal data.
CREATE TABLE workbook_downloads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_id TEXT,
  downloaded_by TEXT NOT NULL,
  region_id TEXT NOT NULL REFERENCES regions (id),
  period TEXT NOT NULL,
  downloaded_at TEXT NOT NULL
);
