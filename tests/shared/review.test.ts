import { describe, expect, it } from 'vitest';
import {
  type ReachedState,
  REVIEW_STATE_NAMES,
  ReviewAction,
  type ReviewRole,
  ReviewState,
  type TransitionResult,
  transition,
} from '../../shared/review.ts';

const ROLES: readonly ReviewRole[] = ['commune', 'district', 'admin'];

const to = (state: ReachedState): TransitionResult => ({ ok: true, to: state, changed: true });
const same = (state: ReachedState): TransitionResult => ({ ok: true, to: state, changed: false });
const no = (refusal: Extract<TransitionResult, { ok: false }>['refusal']): TransitionResult => ({ ok: false, refusal });

/** What a reviewer (district or admin) gets, written out by hand: [state, action] → answer (with one comment). */
const REVIEWER: Record<ReviewState, Record<ReviewAction, TransitionResult>> = {
  missing: { submit: no('ROLE'), accept: no('NOTHING_SUBMITTED'), return: no('NOTHING_SUBMITTED'), reopen: no('NOTHING_SUBMITTED') },
  submitted: { submit: no('ROLE'), accept: to('accepted'), return: to('returned'), reopen: no('NOT_ACCEPTED') },
  accepted: { submit: no('ROLE'), accept: same('accepted'), return: no('NOT_AWAITING_REVIEW'), reopen: to('submitted') },
  returned: { submit: no('ROLE'), accept: no('NOT_AWAITING_REVIEW'), return: no('NOT_AWAITING_REVIEW'), reopen: no('NOT_ACCEPTED') },
};

/** What the commune gets: it only submits. */
const COMMUNE: Record<ReviewState, Record<ReviewAction, TransitionResult>> = {
  missing: { submit: to('submitted'), accept: no('ROLE'), return: no('ROLE'), reopen: no('ROLE') },
  submitted: { submit: to('submitted'), accept: no('ROLE'), return: no('ROLE'), reopen: no('ROLE') },
  accepted: { submit: no('LOCKED'), accept: no('ROLE'), return: no('ROLE'), reopen: no('ROLE') },
  returned: { submit: to('submitted'), accept: no('ROLE'), return: no('ROLE'), reopen: no('ROLE') },
};

const EXPECTED: Record<ReviewRole, Record<ReviewState, Record<ReviewAction, TransitionResult>>> = {
  commune: COMMUNE,
  district: REVIEWER,
  admin: REVIEWER,
};

describe('the review state machine', () => {
  for (const role of ROLES) {
    for (const state of ReviewState.options) {
      for (const action of ReviewAction.options) {
        const expected = EXPECTED[role][state][action];
        it(`${role}: ${action} in ${state} → ${expected.ok ? expected.to : expected.refusal}`, () => {
          expect(transition(state, action, role, 1)).toEqual(expected);
        });
      }
    }
  }

  it('refuses a return without a comment, for the district and the admin alike', () => {
    expect(transition('submitted', 'return', 'district')).toEqual(no('COMMENT_REQUIRED'));
    expect(transition('submitted', 'return', 'admin', 0)).toEqual(no('COMMENT_REQUIRED'));
    // The state's refusal comes first: a return that is refused anyway does not ask for a comment.
    expect(transition('accepted', 'return', 'district', 0)).toEqual(no('NOT_AWAITING_REVIEW'));
    expect(transition('submitted', 'return', 'commune', 0)).toEqual(no('ROLE'));
  });

  it('needs no comment to accept, reopen or submit', () => {
    expect(transition('submitted', 'accept', 'district', 0)).toEqual(to('accepted'));
    expect(transition('accepted', 'reopen', 'admin', 0)).toEqual(to('submitted'));
    expect(transition('returned', 'submit', 'commune', 0)).toEqual(to('submitted'));
  });

  it('goes round the loop: submit, return, resubmit, accept, locked, reopen, resubmit', () => {
    const steps: [ReviewAction, ReviewRole][] = [
      ['submit', 'commune'],
      ['return', 'district'],
      ['submit', 'commune'],
      ['accept', 'district'],
      ['submit', 'commune'],
      ['reopen', 'district'],
      ['submit', 'commune'],
    ];
    let state: ReviewState = 'missing';
    const seen: string[] = [];
    for (const [action, role] of steps) {
      const r = transition(state, action, role, 1);
      seen.push(r.ok ? r.to : r.refusal);
      if (r.ok) state = r.to;
    }
    expect(seen).toEqual(['submitted', 'returned', 'submitted', 'accepted', 'LOCKED', 'submitted', 'submitted']);
  });

  it('names every state in Vietnamese and English', () => {
    expect(REVIEW_STATE_NAMES).toEqual({
      missing: { vi: 'Chưa nộp', en: 'Not submitted' },
      submitted: { vi: 'Chờ duyệt', en: 'Awaiting review' },
      accepted: { vi: 'Đã duyệt', en: 'Accepted' },
      returned: { vi: 'Trả lại', en: 'Returned for correction' },
    });
  });
});
