import * as z from 'zod';

/**
 * The district's review of a commune's report (duyệt báo cáo), as a pure state machine: the Worker
 * only stores the state and enforces the answer of `transition`.
 *
 * The review is kept per commune and period, not per kind: a submission is numbered per commune
 * and period and carries every kind the workbook holds (households, beneficiaries, progress), so
 * the district accepts or returns the workbook it received as a whole, and a comment names the
 * sheet, row or cell it is about.
 *
 * - chưa nộp (missing) → submit → chờ duyệt (submitted)
 * - chờ duyệt → accept → đã duyệt (accepted) | return (with ≥ 1 comment) → trả lại (returned)
 * - trả lại or chờ duyệt → submit (a new version) → chờ duyệt
 * - đã duyệt is locked: a new version is refused until the district reopens it; reopen goes back
 *   to chờ duyệt (no fifth state: a reopened report awaits review like any other, and the commune
 *   may send a new version or the district accept the same one again).
 * - accept of an accepted report is idempotent: no new transition.
 */
export const ReviewState = z.enum(['missing', 'submitted', 'accepted', 'returned']);
export type ReviewState = z.infer<typeof ReviewState>;

export const ReviewAction = z.enum(['submit', 'accept', 'return', 'reopen']);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** Who acts: the commune submits; the district of the commune's region (or an admin) reviews. */
export type ReviewRole = 'commune' | 'district' | 'admin';

/** Why a transition is refused: data, the text is made at the edge. */
export const ReviewRefusal = z.enum([
  /** The role may not take this action (a commune reviewing, a district submitting). */
  'ROLE',
  /** Nothing was submitted yet: nothing to accept, return or reopen. */
  'NOTHING_SUBMITTED',
  /** The report is accepted: no new version until it is reopened. */
  'LOCKED',
  /** Accept or return of a report that is not awaiting review (returned, or return of an accepted one). */
  'NOT_AWAITING_REVIEW',
  /** Reopen of a report that is not accepted. */
  'NOT_ACCEPTED',
  /** A return without a comment. */
  'COMMENT_REQUIRED',
]);
export type ReviewRefusal = z.infer<typeof ReviewRefusal>;

/** What a transition may lead to: nothing goes back to chưa nộp. */
export type ReachedState = Exclude<ReviewState, 'missing'>;

export type TransitionResult =
  | { ok: true; to: ReachedState; /** false: nothing changes and nothing is recorded (a second accept). */ changed: boolean }
  | { ok: false; refusal: ReviewRefusal };

/** The state names officers read, Vietnamese and English. */
export const REVIEW_STATE_NAMES: Readonly<Record<ReviewState, { vi: string; en: string }>> = {
  missing: { vi: 'Chưa nộp', en: 'Not submitted' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting review' },
  accepted: { vi: 'Đã duyệt', en: 'Accepted' },
  returned: { vi: 'Trả lại', en: 'Returned for correction' },
};

export const REVIEW_ACTION_NAMES: Readonly<Record<ReviewAction, { vi: string; en: string }>> = {
  submit: { vi: 'Nộp', en: 'Submit' },
  accept: { vi: 'Duyệt', en: 'Accept' },
  return: { vi: 'Trả lại', en: 'Return' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
};

const REVIEWERS: readonly ReviewRole[] = ['district', 'admin'];

/** The one table of the machine: the state after `action` in `from`, for a role allowed to take it. */
const NEXT: Readonly<Record<ReviewAction, Readonly<Record<ReviewState, TransitionResult>>>> = {
  submit: {
    missing: { ok: true, to: 'submitted', changed: true },
    submitted: { ok: true, to: 'submitted', changed: true },
    returned: { ok: true, to: 'submitted', changed: true },
    accepted: { ok: false, refusal: 'LOCKED' },
  },
  accept: {
    missing: { ok: false, refusal: 'NOTHING_SUBMITTED' },
    submitted: { ok: true, to: 'accepted', changed: true },
    returned: { ok: false, refusal: 'NOT_AWAITING_REVIEW' },
    accepted: { ok: true, to: 'accepted', changed: false },
  },
  return: {
    missing: { ok: false, refusal: 'NOTHING_SUBMITTED' },
    submitted: { ok: true, to: 'returned', changed: true },
    returned: { ok: false, refusal: 'NOT_AWAITING_REVIEW' },
    accepted: { ok: false, refusal: 'NOT_AWAITING_REVIEW' },
  },
  reopen: {
    missing: { ok: false, refusal: 'NOTHING_SUBMITTED' },
    submitted: { ok: false, refusal: 'NOT_ACCEPTED' },
    returned: { ok: false, refusal: 'NOT_ACCEPTED' },
    accepted: { ok: true, to: 'submitted', changed: true },
  },
};

export function mayTake(role: ReviewRole, action: ReviewAction): boolean {
  return action === 'submit' ? role === 'commune' : REVIEWERS.includes(role);
}

/**
 * The state after `action` taken by `role` in `state`, or why it is refused. `comments` is how
 * many review comments come with the action: a return needs at least one.
 */
export function transition(state: ReviewState, action: ReviewAction, role: ReviewRole, comments = 0): TransitionResult {
  if (!mayTake(role, action)) return { ok: false, refusal: 'ROLE' };
  const next = NEXT[action][state];
  if (next.ok && action === 'return' && comments < 1) return { ok: false, refusal: 'COMMENT_REQUIRED' };
  return next;
}
