import { type ResolvedComment, commentPlace, reviewStateName } from '../../front/review-comments.ts';
import { type ReviewComment, ReviewListResponse, type ReviewSummary } from '../../shared/api.ts';
import { type Lang, periodName } from '../../shared/messages.ts';
import type { Period } from '../../shared/periods.ts';
import { h } from '../../front/dom.ts';
import { t } from './strings.ts';

/**
 * The district's review of the commune's report for the period (issue 20): GET /api/reviews after
 * sign-in and on Kiểm tra, and the card that lists its state and comments beside the engine's
 * issues. A failed read never breaks the check: the card says so in a short note.
 */

export type ReviewLoad =
  | { phase: 'none' }
  | { phase: 'loaded'; period: Period; review: ReviewSummary | null }
  | { phase: 'failed'; period: Period };

export interface ReviewPanelDeps {
  fetch: typeof fetch;
  server(): { serverUrl: string; token: string };
  lang(): Lang;
  /** How long to wait for the answer before giving up (the check does not wait longer). */
  timeoutMs?: number;
}

export interface ReviewPanel {
  /** Reads the review of `period`; the comments to mark, [] when there are none or they cannot be read. */
  load(period: Period | null): Promise<ReviewComment[]>;
  state(): ReviewLoad;
  /**
   * The status line after a check of `period` that found no engine issue, when the district's
   * review still asks for work: a returned report is not "ready to submit" as it stands. Null
   * otherwise (the plain "no issues" line then stands).
   */
  cleanCheckLine(period: Period | null): string | null;
  /** The card: `resolved` from the last check, or null before any (the comments then listed as named). */
  view(resolved: readonly ResolvedComment[] | null, select: (r: ResolvedComment) => void, busy: boolean): HTMLElement | null;
}

export function createReviewPanel(deps: ReviewPanelDeps): ReviewPanel {
  let current: ReviewLoad = { phase: 'none' };
  /** Loads started so far: only the latest one's answer becomes the card (an older, slower read never replaces a newer). */
  let started = 0;

  async function read(period: Period): Promise<ReviewSummary | null> {
    const { serverUrl, token } = deps.server();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 15_000);
    try {
      const res = await deps.fetch(`${serverUrl}/api/reviews?period=${encodeURIComponent(period)}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: controller.signal,
      });
      if (!res.ok) throw new Error(`reviews ${res.status}`);
      const list = ReviewListResponse.parse(await res.json());
      return list.reviews[0] ?? null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async load(period) {
      const mine = ++started;
      const { serverUrl, token } = deps.server();
      if (period === null || serverUrl === '' || token === '') {
        current = { phase: 'none' };
        return [];
      }
      try {
        const review = await read(period);
        if (mine === started) current = { phase: 'loaded', period, review };
        return review?.comments ?? [];
      } catch {
        if (mine === started) current = { phase: 'failed', period };
        return [];
      }
    },
    state: () => current,
    cleanCheckLine(period) {
      if (current.phase !== 'loaded' || current.period !== period || current.review?.state !== 'returned') return null;
      return t('reviewReturnedClean', deps.lang(), { n: current.review.comments.length });
    },
    view(resolved, select, busy) {
      const l = deps.lang();
      if (current.phase === 'none') return null;
      if (current.phase === 'failed') {
        return h('p', { className: 'note', id: 'review-failed', role: 'note' }, t('reviewFailed', l, { period: periodName(current.period, l) }));
      }
      const review = current.review;
      if (!review || review.state === 'missing') return null;
      const list: readonly ResolvedComment[] = resolved ?? review.comments.map((comment) => ({ comment, target: { kind: 'report' } as const }));
      return h(
        'section',
        { className: 'card review', id: 'review', 'aria-labelledby': 'review-title', 'data-state': review.state },
        h('h2', { id: 'review-title' }, t('reviewTitle', l, { period: periodName(current.period, l) })),
        h(
          'p',
          { className: 'counts' },
          h('span', { className: `badge review-state ${review.state}` }, reviewStateName(review.state, l)),
          review.version !== null ? h('span', { className: 'muted' }, ` ${t('reviewVersion', l, { n: review.version })}`) : null,
        ),
        review.state === 'accepted' ? h('p', { className: 'note' }, t('reviewAcceptedNote', l)) : null,
        list.length === 0
          ? null
          : h(
              'ul',
              { className: 'issues review-comments' },
              ...list.map((r) => {
                const c = r.comment;
                return h(
                  'li',
                  {
                    className: `issue review${r.target.kind === 'gone' ? ' gone' : ''}`,
                    'data-scope': c.scope,
                    'data-target': r.target.kind,
                    'data-sheet': c.scope === 'report' ? undefined : c.sheet,
                    'data-row': c.scope === 'row' || c.scope === 'cell' ? String(c.row) : undefined,
                    'data-column': c.scope === 'cell' ? c.column : undefined,
                  },
                  h(
                    'button',
                    {
                      type: 'button',
                      className: 'issue-go',
                      onClick: () => select(r),
                      disabled: busy || resolved === null || r.target.kind === 'report' || r.target.kind === 'gone',
                    },
                    h('span', { className: 'place' }, resolved === null ? commentPlace({ comment: c, target: { kind: 'report' } }, l) : commentPlace(r, l)),
                    h('span', { className: 'text' }, c.text),
                  ),
                );
              }),
            ),
      );
    },
  };
}
