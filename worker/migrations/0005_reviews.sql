-- GNBV schema, version 5: the district's review of each commune's report (shared/review.ts).
-- Kept per commune and period, not per kind: a submission is numbered per commune and period and
-- carries every kind the workbook holds, so the review is of the workbook received.

-- The current state, one row per commune and period once something was submitted (no row: chưa
-- nộp). `revision` counts the transitions: every change is a conditional UPDATE on the expected
-- revision (worker/db/reviews.ts), so two officers acting at once cannot lose a transition.
CREATE TABLE review_state (
  commune_id TEXT NOT NULL REFERENCES communes (id),
  period TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'accepted', 'returned')),
  -- The version under review: the latest one received.
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  version INTEGER NOT NULL CHECK (version > 0),
  revision INTEGER NOT NULL CHECK (revision > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (commune_id, period)
);

-- Every transition, append-only (the triggers below): who, with which role and token, when, from
-- and to which state, on which version, and the first words of the comments.
CREATE TABLE review_transitions (
  id TEXT PRIMARY KEY,
  commune_id TEXT NOT NULL REFERENCES communes (id),
  period TEXT NOT NULL,
  -- The state's revision after this transition: 1, 2, 3 … per commune and period, never twice.
  revision INTEGER NOT NULL CHECK (revision > 0),
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  version INTEGER NOT NULL CHECK (version > 0),
  from_state TEXT NOT NULL CHECK (from_state IN ('missing', 'submitted', 'accepted', 'returned')),
  to_state TEXT NOT NULL CHECK (to_state IN ('submitted', 'accepted', 'returned')),
  action TEXT NOT NULL CHECK (action IN ('submit', 'accept', 'return', 'reopen')),
  role TEXT NOT NULL CHECK (role IN ('commune', 'district', 'admin')),
  -- The person the token belongs to (its label), as it was when they acted.
  actor TEXT NOT NULL,
  token_id TEXT,
  at TEXT NOT NULL,
  comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  comment_summary TEXT CHECK (comment_summary IS NULL OR length(comment_summary) <= 200),
  UNIQUE (commune_id, period, revision)
);

-- The district's comments on the submission as received: the whole report, a sheet, a row or one
-- cell (sheet name, Excel row, column letters). Written with their transition, never changed.
CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transition_id TEXT NOT NULL REFERENCES review_transitions (id),
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  scope TEXT NOT NULL CHECK (scope IN ('report', 'sheet', 'row', 'cell')),
  sheet TEXT,
  excel_row INTEGER CHECK (excel_row IS NULL OR excel_row > 0),
  column_letters TEXT,
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  CHECK (
    (scope = 'report' AND sheet IS NULL AND excel_row IS NULL AND column_letters IS NULL)
    OR (scope = 'sheet' AND sheet IS NOT NULL AND excel_row IS NULL AND column_letters IS NULL)
    OR (scope = 'row' AND sheet IS NOT NULL AND excel_row IS NOT NULL AND column_letters IS NULL)
    OR (scope = 'cell' AND sheet IS NOT NULL AND excel_row IS NOT NULL AND column_letters IS NOT NULL)
  )
);

CREATE INDEX review_transitions_by_report ON review_transitions (commune_id, period, revision);
CREATE INDEX review_comments_by_transition ON review_comments (transition_id, id);

-- Reports received before reviews existed await review (chờ duyệt): the latest version of each
-- commune and period, with its submission as the first transition of the audit.
INSERT INTO review_transitions (id, commune_id, period, revision, submission_id, version, from_state, to_state, action, role,
  actor, token_id, at)
SELECT 'rvt_before_reviews_' || s.id, s.commune_id, s.period, 1, s.id, s.version, 'missing', 'submitted', 'submit', 'commune',
  s.submitted_by, s.token_id, s.received_at
FROM submissions s
WHERE s.version = (SELECT MAX(s2.version) FROM submissions s2 WHERE s2.commune_id = s.commune_id AND s2.period = s.period);

INSERT INTO review_state (commune_id, period, state, submission_id, version, revision, updated_at)
SELECT s.commune_id, s.period, 'submitted', s.id, s.version, 1, s.received_at
FROM submissions s
WHERE s.version = (SELECT MAX(s2.version) FROM submissions s2 WHERE s2.commune_id = s.commune_id AND s2.period = s.period);

-- The audit is never updated or deleted.
CREATE TRIGGER review_transitions_no_update BEFORE UPDATE ON review_transitions
BEGIN
  SELECT RAISE(ABORT, 'review_transitions is append-only');
END;

CREATE TRIGGER review_transitions_no_delete BEFORE DELETE ON review_transitions
BEGIN
  SELECT RAISE(ABORT, 'review_transitions is append-only');
END;

CREATE TRIGGER review_comments_no_update BEFORE UPDATE ON review_comments
BEGIN
  SELECT RAISE(ABORT, 'review_comments is append-only');
END;

CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
BEGIN
  SELECT RAISE(ABORT, 'review_comments is append-only');
END;

-- The lock, in the database itself: no new version of an accepted report, whatever the route.
CREATE TRIGGER submissions_review_lock BEFORE INSERT ON submissions
WHEN EXISTS (SELECT 1 FROM review_state r WHERE r.commune_id = NEW.commune_id AND r.period = NEW.period AND r.state = 'accepted')
BEGIN
  SELECT RAISE(ABORT, 'REVIEW_LOCKED');
END;
