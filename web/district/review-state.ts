import type { ReviewState } from '../../shared/review.ts';
import { h } from '../../front/dom.ts';
import { t, type TextKey } from './strings.ts';

/** The review state as officers read it: its own colour, an icon and the words (never colour alone). */

const KEYS: Readonly<Record<ReviewState, TextKey>> = {
  missing: 'reviewMissing',
  submitted: 'reviewSubmitted',
  accepted: 'reviewAccepted',
  returned: 'reviewReturned',
};

const ICONS: Readonly<Record<ReviewState, string>> = { missing: '–', submitted: '…', accepted: '✓', returned: '↩' };

export const REVIEW_STATES: readonly ReviewState[] = ['missing', 'submitted', 'accepted', 'returned'];

export function reviewStateText(state: ReviewState): string {
  return t(KEYS[state]);
}

export function reviewBadge(state: ReviewState): HTMLSpanElement {
  return h(
    'span',
    { class: `review-badge review-${state}`, 'data-review-state': state },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[state]),
    ` ${reviewStateText(state)}`,
  );
}
