-- GNBV schema, version 4: failed sign-ins per client, for the rate limit (worker/db/sign-in-failures.ts).
-- The client is a SHA-256 of its address, never the address itself; a row lives one window.

CREATE TABLE sign_in_failures (
  client_hash TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  failures INTEGER NOT NULL CHECK (failures > 0)
);

CREATE INDEX sign_in_failures_by_window ON sign_in_failures (window_start);
