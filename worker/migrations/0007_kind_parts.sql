-- A submission's parts are 'sheets' and one part per stored kind (shared/kinds/registry.ts): the
-- list of kinds is the registry's, not this table's, so a kind added there needs no migration.
-- The part is still a short lowercase name, as the kinds' ids are.
CREATE TABLE submission_parts_by_kind (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  part TEXT NOT NULL CHECK (length(part) BETWEEN 1 AND 64 AND part NOT GLOB '*[^a-z]*'),
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (submission_id, part, seq)
);

INSERT INTO submission_parts_by_kind (submission_id, part, seq, body)
  SELECT submission_id, part, seq, body FROM submission_parts;

DROP TABLE submission_parts;

ALTER TABLE submission_parts_by_kind RENAME TO submission_parts;
