import { type ResolvedComment, commentPlace, reviewStateName } from '../../front/review-comments.ts';
import type { ReviewSummary } from '../../shared/api.ts';
import type { Lang } from '../../shared/messages.ts';
import { h } from '../../front/dom.ts';
import { t } from './strings.ts';

/**
 * The district's review of the commune's report for the chosen period (issue 20), listed on the
 * upload page beside the engine's issues: its state and each comment, a stale one ("không còn ô
 * này") listed too. The same model as the task pane's (front/review-comments.ts).
 */

export type ReviewRead =
  | { status: 'loaded'; period: string; review: ReviewSummary | null }
  | { status: 'failed'; period: string };

/** The list, or null when there is nothing to show (not submitted yet, or no review read). */
export function reviewList(read: ReviewRead | null, resolved: readonly ResolvedComment[] | null, lang: Lang): HTMLElement | null {
  if (read === null) return null;
  if (read.status === 'failed') return h('p', { class: 'note', id: 'review-failed' }, t('reviewFailed', lang));
  const review = read.review;
  if (!review || review.state === 'missing') return null;
  const list = resolved ?? review.comments.map((comment): ResolvedComment => ({ comment, target: { kind: 'report' } }));
  return h(
    'div',
    { class: 'review', 'data-state': review.state },
    h(
      'h3',
      { id: 'review-title' },
      `${t('reviewTitle', lang)}: `,
      h('span', { class: `badge review-state ${review.state}` }, reviewStateName(review.state, lang)),
      review.version !== null ? ` (${t('versionWord', lang)} ${review.version})` : null,
    ),
    review.state === 'accepted' ? h('p', { class: 'note' }, t('reviewLocked', lang)) : null,
    list.length === 0
      ? null
      : h(
          'ul',
          { class: 'review-comments', 'aria-labelledby': 'review-title' },
          ...list.map((r) => {
            const c = r.comment;
            return h(
              'li',
              {
                class: `review-comment${r.target.kind === 'gone' ? ' gone' : ''}`,
                'data-scope': c.scope,
                'data-target': r.target.kind,
                'data-sheet': c.scope === 'report' ? null : c.sheet,
                'data-row': c.scope === 'row' || c.scope === 'cell' ? c.row : null,
                'data-column': c.scope === 'cell' ? c.column : null,
              },
              h('span', { class: 'place' }, resolved === null ? commentPlace({ comment: c, target: { kind: 'report' } }, lang) : commentPlace(r, lang)),
              ' ',
              h('span', { class: 'text' }, c.text),
            );
          }),
        ),
  );
}
