import { type ReviewComment, type ReviewTransition, Role } from '../../shared/api.ts';
import { ReviewAction, ReviewState } from '../../shared/review.ts';
import { camelColumns } from './rows.ts';

/**
 * The district's reviews in D1 (migration 0005): the current state per commune and period, the
 * append-only audit of transitions, and the comments. Every change is one batch guarded by the
 * state's revision, so two officers acting at once cannot both win, and a transition that lost is
 * never half-written.
 */

export interface StoredReviewState {
  communeId: string;
  period: string;
  state: Exclude<ReviewState, 'missing'>;
  submissionId: string;
  version: number;
  revision: number;
  updatedAt: string;
}

interface StateRow {
  commune_id: string;
  period: string;
  state: string;
  submission_id: string;
  version: number;
  revision: number;
  updated_at: string;
}

const STATE_COLUMNS = 'r.commune_id, r.period, r.state, r.submission_id, r.version, r.revision, r.updated_at';

function toState(row: StateRow): StoredReviewState {
  const state = ReviewState.exclude(['missing']).parse(row.state);
  return {
    communeId: row.commune_id,
    period: row.period,
    state,
    submissionId: row.submission_id,
    version: row.version,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/** The state of one commune's report for the period; null: nothing submitted (chưa nộp). */
export async function findReviewState(db: D1Database, communeId: string, period: string): Promise<StoredReviewState | null> {
  const row = await db
    .prepare(`SELECT ${STATE_COLUMNS} FROM review_state r WHERE r.commune_id = ? AND r.period = ?`)
    .bind(communeId, period)
    .first<StateRow>();
  return row === null ? null : toState(row);
}

/** The states of a region's communes for the period (communes with nothing submitted have none). */
export async function reviewStatesOfRegion(db: D1Database, regionId: string, period: string): Promise<Map<string, StoredReviewState>> {
  const { results } = await db
    .prepare(`SELECT ${STATE_COLUMNS} FROM review_state r JOIN communes c ON c.id = r.commune_id WHERE c.region_id = ? AND r.period = ?`)
    .bind(regionId, period)
    .all<StateRow>();
  return new Map(results.map((r) => [r.commune_id, toState(r)]));
}

/** Every state of the period, for an admin. */
export async function allReviewStates(db: D1Database, period: string): Promise<Map<string, StoredReviewState>> {
  const { results } = await db.prepare(`SELECT ${STATE_COLUMNS} FROM review_state r WHERE r.period = ?`).bind(period).all<StateRow>();
  return new Map(results.map((r) => [r.commune_id, toState(r)]));
}

/** Who acts, as the audit records them. */
export interface Actor {
  role: Role;
  label: string;
  tokenId: string | null;
}

export interface NewReviewTransition {
  id: string;
  communeId: string;
  period: string;
  action: Exclude<ReviewAction, 'submit'>;
  from: StoredReviewState;
  to: Exclude<ReviewState, 'missing'>;
  actor: Actor;
  at: string;
  comments: readonly ReviewComment[];
}

/** Characters of the first comment kept in the audit row's summary (code points, as SQLite counts). */
const SUMMARY_CHARS = 200;

export function commentSummary(comments: readonly ReviewComment[]): string | null {
  const first = comments[0];
  return first === undefined ? null : Array.from(first.text).slice(0, SUMMARY_CHARS).join('');
}

/**
 * Records a reviewer's transition, if the state is still the one it was computed from: the audit
 * row, its comments and the new state in one batch, each statement conditional on the expected
 * revision. Returns false when another transition came first (nothing was written).
 */
export async function applyReviewTransition(db: D1Database, t: NewReviewTransition): Promise<boolean> {
  const { from } = t;
  const expected = from.revision;
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO review_transitions (id, commune_id, period, revision, submission_id, version, from_state, to_state, action,
           role, actor, token_id, at, comment_count, comment_summary)
         SELECT ?1, ?2, ?3, ?4 + 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
         WHERE EXISTS (SELECT 1 FROM review_state WHERE commune_id = ?2 AND period = ?3 AND revision = ?4)`,
      )
      .bind(
        t.id,
        t.communeId,
        t.period,
        expected,
        from.submissionId,
        from.version,
        from.state,
        t.to,
        t.action,
        t.actor.role,
        t.actor.label,
        t.actor.tokenId,
        t.at,
        t.comments.length,
        commentSummary(t.comments),
      ),
  ];
  const insertComment = db.prepare(
    `INSERT INTO review_comments (transition_id, submission_id, scope, sheet, excel_row, column_letters, body)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM review_transitions WHERE id = ?1)`,
  );
  for (const c of t.comments) {
    statements.push(
      insertComment.bind(
        t.id,
        from.submissionId,
        c.scope,
        c.scope === 'report' ? null : c.sheet,
        c.scope === 'row' || c.scope === 'cell' ? c.row : null,
        c.scope === 'cell' ? c.column : null,
        c.text,
      ),
    );
  }
  statements.push(
    db
      .prepare(
        `UPDATE review_state SET state = ?1, revision = revision + 1, updated_at = ?2
         WHERE commune_id = ?3 AND period = ?4 AND revision = ?5 AND EXISTS (SELECT 1 FROM review_transitions WHERE id = ?6)`,
      )
      .bind(t.to, t.at, t.communeId, t.period, expected, t.id),
  );
  const results = await db.batch(statements);
  return (results[0]?.meta.changes ?? 0) === 1;
}

/**
 * The statements that move a commune's report to chờ duyệt when a submission is stored, for the
 * submission's own batch (after its INSERT): the audit row (from the state before, missing when
 * there was none) and the new state pointing at the new version. The lock (no new version of an
 * accepted report) is the submissions_review_lock trigger, in the same transaction.
 */
export function submitTransitionStatements(
  db: D1Database,
  s: { transitionId: string; submissionId: string; actor: Actor; at: string },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO review_transitions (id, commune_id, period, revision, submission_id, version, from_state, to_state, action,
           role, actor, token_id, at)
         SELECT ?1, s.commune_id, s.period, COALESCE(r.revision, 0) + 1, s.id, s.version, COALESCE(r.state, 'missing'), 'submitted',
           'submit', ?2, ?3, ?4, ?5
         FROM submissions s LEFT JOIN review_state r ON r.commune_id = s.commune_id AND r.period = s.period
         WHERE s.id = ?6`,
      )
      .bind(s.transitionId, s.actor.role, s.actor.label, s.actor.tokenId, s.at, s.submissionId),
    db
      .prepare(
        `INSERT INTO review_state (commune_id, period, state, submission_id, version, revision, updated_at)
         SELECT s.commune_id, s.period, 'submitted', s.id, s.version, 1, ?1 FROM submissions s WHERE s.id = ?2
         ON CONFLICT (commune_id, period) DO UPDATE SET state = 'submitted', submission_id = excluded.submission_id,
           version = excluded.version, revision = review_state.revision + 1, updated_at = excluded.updated_at`,
      )
      .bind(s.at, s.submissionId),
  ];
}

interface TransitionRow {
  id: string;
  commune_id: string;
  period: string;
  revision: number;
  submission_id: string;
  version: number;
  from_state: string;
  to_state: string;
  action: string;
  role: string;
  actor: string;
  token_id: string | null;
  at: string;
  comment_count: number;
  comment_summary: string | null;
}

function toTransition(r: TransitionRow): ReviewTransition {
  const stored = ['id', 'commune_id', 'period', 'revision', 'submission_id', 'version', 'action', 'role', 'actor', 'token_id', 'at', 'comment_count', 'comment_summary'] as const;
  return {
    ...camelColumns(r, stored),
    from: ReviewState.parse(r.from_state),
    to: ReviewState.parse(r.to_state),
    action: ReviewAction.parse(r.action),
    role: Role.parse(r.role),
  };
}

const TRANSITION_COLUMNS = `id, commune_id, period, revision, submission_id, version, from_state, to_state, action, role, actor,
  token_id, at, comment_count, comment_summary`;

/** The audit of one commune's report for the period, oldest first. */
export async function listTransitions(db: D1Database, communeId: string, period: string): Promise<ReviewTransition[]> {
  const { results } = await db
    .prepare(`SELECT ${TRANSITION_COLUMNS} FROM review_transitions WHERE commune_id = ? AND period = ? ORDER BY revision LIMIT 1000`)
    .bind(communeId, period)
    .all<TransitionRow>();
  return results.map(toTransition);
}

export async function findTransition(db: D1Database, id: string): Promise<ReviewTransition | null> {
  const row = await db.prepare(`SELECT ${TRANSITION_COLUMNS} FROM review_transitions WHERE id = ?`).bind(id).first<TransitionRow>();
  return row === null ? null : toTransition(row);
}

interface CommentRow {
  transition_id: string;
  scope: string;
  sheet: string | null;
  excel_row: number | null;
  column_letters: string | null;
  body: string;
}

function toComment(r: CommentRow): ReviewComment {
  switch (r.scope) {
    case 'sheet':
      return { scope: 'sheet', sheet: r.sheet ?? '', text: r.body };
    case 'row':
      return { scope: 'row', sheet: r.sheet ?? '', row: r.excel_row ?? 1, text: r.body };
    case 'cell':
      return { scope: 'cell', sheet: r.sheet ?? '', row: r.excel_row ?? 1, column: r.column_letters ?? 'A', text: r.body };
    default:
      return { scope: 'report', text: r.body };
  }
}

/** The comments of some transitions, in the order they were written, by transition id. */
export async function commentsOf(db: D1Database, transitionIds: readonly string[]): Promise<Map<string, ReviewComment[]>> {
  const out = new Map<string, ReviewComment[]>(transitionIds.map((id) => [id, []]));
  if (transitionIds.length === 0) return out;
  const { results } = await db
    .prepare(
      `SELECT transition_id, scope, sheet, excel_row, column_letters, body FROM review_comments
       WHERE transition_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .bind(JSON.stringify(transitionIds))
    .all<CommentRow>();
  for (const r of results) out.get(r.transition_id)?.push(toComment(r));
  return out;
}

/** For each report of the given states: the id of the transition that set its current state. */
export async function currentTransitionIds(db: D1Database, states: readonly StoredReviewState[]): Promise<Map<string, string>> {
  if (states.length === 0) return new Map();
  const keys = JSON.stringify(states.map((s) => [s.communeId, s.period, s.revision]));
  const { results } = await db
    .prepare(
      `SELECT t.commune_id, t.id FROM review_transitions t, json_each(?) k
       WHERE t.commune_id = json_extract(k.value, '$[0]') AND t.period = json_extract(k.value, '$[1]')
         AND t.revision = json_extract(k.value, '$[2]')`,
    )
    .bind(keys)
    .all<{ commune_id: string; id: string }>();
  return new Map(results.map((r) => [r.commune_id, r.id]));
}

/** Every commune, for an admin's list (by name, at most 1000). */
export async function listAllCommunes(db: D1Database): Promise<{ id: string; name: string; code: string; regionId: string }[]> {
  const { results } = await db
    .prepare('SELECT id, name, code, region_id FROM communes ORDER BY name LIMIT 1000')
    .all<{ id: string; name: string; code: string; region_id: string }>();
  return results.map((r) => ({ id: r.id, name: r.name, code: r.code, regionId: r.region_id }));
}
