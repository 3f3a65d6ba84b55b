-- The fixture kind's rows are a part of their own (submission_parts.part is checked against the
-- kinds of 0002_submissions.sql): a kind added to the product needs this migration too.
CREATE TABLE submission_parts_with_trainings (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  part TEXT NOT NULL CHECK (part IN ('sheets', 'households', 'beneficiaries', 'progress', 'trainings')),
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (submission_id, part, seq)
);

INSERT INTO submission_parts_with_trainings (submission_id, part, seq, body)
  SELECT submission_id, part, seq, body FROM submission_parts;

DROP TABLE submission_parts;

ALTER TABLE submission_parts_with_trainings RENAME TO submission_parts;
