import type { StatusResponse } from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';
import type { ReviewState } from '../../shared/review.ts';
import { ApiFailure } from '../common/api.ts';
import { h } from '../../front/dom.ts';
import { postReview } from './api.ts';
import { REVIEW_STATES, reviewBadge, reviewStateText } from './review-state.ts';
import { t } from './strings.ts';

/**
 * The review beside the status grid: each commune's review state (chưa nộp, chờ duyệt, đã duyệt,
 * trả lại), a filter by state, a checkbox per commune awaiting review and "Duyệt các xã đã chọn",
 * which sends one accept per commune with the version seen, says each commune's result, and then
 * has the grid refreshed.
 */

export interface ReviewPanelHooks {
  token: string;
  period: Period;
  open: (communeId: string, from: HTMLElement) => void;
  describe: (e: unknown) => string;
  /** Takes a new snapshot of the status (after a batch of accepts). */
  refresh: () => Promise<void>;
  /** Where the per-commune results of a batch are said (outlives a refresh). */
  results: HTMLElement;
}

let filter: ReviewState | '' = '';

/** A refusal said in words an officer can act on. */
export function reviewFailure(e: unknown, describe: (e: unknown) => string): string {
  if (e instanceof ApiFailure && e.code === 'REVIEW_STALE_VERSION') return t('staleVersion');
  return describe(e);
}

export function reviewPanel(status: StatusResponse, hooks: ReviewPanelHooks): HTMLElement {
  const select = h(
    'select',
    { id: 'review-filter' },
    h('option', { value: '' }, t('reviewFilterAll')),
    ...REVIEW_STATES.map((s) => h('option', { value: s }, reviewStateText(s))),
  );
  select.value = filter;
  const rows = status.communes.map((c) => {
    const review = c.review;
    const box =
      review.state === 'submitted'
        ? h('input', { type: 'checkbox', class: 'review-select', 'data-commune': c.commune.id, 'data-version': review.version ?? '', 'aria-label': `${t('selectCommune')} ${c.commune.name}` })
        : null;
    const open = review.submissionId === null ? null : h('button', { type: 'button', class: 'subtle small open-review', 'data-commune': c.commune.id }, t('openReview'));
    open?.addEventListener('click', () => hooks.open(c.commune.id, open));
    return h(
      'tr',
      { 'data-commune': c.commune.id, 'data-review-state': review.state, 'data-version': review.version ?? '' },
      h('td', { class: 'pick' }, box),
      h('th', { scope: 'row' }, c.commune.name),
      h('td', {}, reviewBadge(review.state)),
      h('td', { class: 'num' }, review.version === null ? '—' : `${t('versionShort')} ${review.version}`),
      h('td', {}, open),
    );
  });
  const applyFilter = (): void => {
    for (const r of rows) r.hidden = filter !== '' && r.dataset.reviewState !== filter;
  };
  select.addEventListener('change', () => {
    filter = select.value as ReviewState | '';
    applyFilter();
  });
  applyFilter();
  const table = h(
    'table',
    { class: 'data review-grid', id: 'review-grid' },
    h('caption', { class: 'visually-hidden' }, t('reviewTitle')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t('select')), h('th', { scope: 'col' }, t('commune')), h('th', { scope: 'col' }, t('reviewState')), h('th', { scope: 'col' }, t('version')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('openReview')))),
    ),
    h('tbody', {}, ...rows),
  );
  const button = h('button', { type: 'button', id: 'accept-selected', class: 'primary' }, t('acceptSelected'));
  button.addEventListener('click', () => void acceptSelected(table, button, status, hooks));
  return h(
    'div',
    { class: 'review-panel' },
    h('h3', { id: 'review-panel-title' }, t('reviewTitle')),
    h('p', { class: 'note' }, t('reviewHint')),
    h('div', { class: 'field inline' }, h('label', { for: 'review-filter' }, t('reviewFilter')), select),
    h('div', { class: 'table-scroll' }, table),
    button,
  );
}

async function acceptSelected(table: HTMLTableElement, button: HTMLButtonElement, status: StatusResponse, hooks: ReviewPanelHooks): Promise<void> {
  const chosen = [...table.querySelectorAll<HTMLInputElement>('input.review-select:checked')];
  if (chosen.length === 0) {
    hooks.results.replaceChildren(h('p', { class: 'note' }, t('acceptSelectedNone')));
    return;
  }
  button.disabled = true;
  button.textContent = t('accepting');
  const items: HTMLLIElement[] = [];
  try {
    for (const box of chosen) {
      const communeId = box.dataset.commune ?? '';
      const name = status.communes.find((c) => c.commune.id === communeId)?.commune.name ?? communeId;
      const version = Number(box.dataset.version);
      try {
        const answer = await postReview(hooks.token, communeId, hooks.period, 'accept', { comments: [], ...(Number.isInteger(version) && version > 0 ? { version } : {}) });
        items.push(h('li', { 'data-commune': communeId, 'data-result': 'ok' }, `${name}: ${t('acceptedOk')} ${answer.review.version ?? ''}`));
      } catch (e) {
        items.push(h('li', { 'data-commune': communeId, 'data-result': 'failed', class: 'error' }, `${name}: ${t('acceptFailed')} — ${reviewFailure(e, hooks.describe)}`));
      }
    }
  } finally {
    hooks.results.replaceChildren(h('ul', { class: 'accept-results' }, ...items));
    button.disabled = false;
    button.textContent = t('acceptSelected');
  }
  await hooks.refresh();
}
