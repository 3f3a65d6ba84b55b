-- GNBV schema, version 1: the units that aggregate communes, communes, their yearly plans, tokens.
-- No seed data here: the local demo is seeded by scripts/seed-demo.ts.

-- A unit that aggregates communes. Not assumed to be a district: since 1 July 2025 the province
-- takes the district's place, so the level is data.
CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('district', 'province')),
  province TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE communes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  region_id TEXT NOT NULL REFERENCES regions (id),
  created_at TEXT NOT NULL
);

CREATE INDEX communes_by_region ON communes (region_id);

-- One plan per commune and year; body is the CommunePlan JSON, validated before it is stored.
CREATE TABLE plans (
  commune_id TEXT NOT NULL REFERENCES communes (id),
  year INTEGER NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (commune_id, year)
);

-- A token belongs to a person (label). Only the SHA-256 of the token is stored.
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('commune', 'district', 'admin')),
  commune_id TEXT REFERENCES communes (id),
  region_id TEXT REFERENCES regions (id),
  token_hash TEXT NOT NULL UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK (
    (role = 'commune' AND commune_id IS NOT NULL AND region_id IS NULL)
    OR (role = 'district' AND region_id IS NOT NULL AND commune_id IS NULL)
    OR (role = 'admin' AND commune_id IS NULL AND region_id IS NULL)
  )
);
