import type { ReviewAuditResponse, ReviewComment, ReviewSummary, ReviewerAction, SubmissionDetail } from '../../shared/api.ts';
import { columnLetters, parseAddress } from '../../shared/grid/address.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { renderMessage } from '../../shared/messages.ts';
import type { Period } from '../../shared/periods.ts';
import type { ReviewState } from '../../shared/review.ts';
import { h } from '../../front/dom.ts';
import { fetchAudit, fetchReview, fetchVersion, postReview } from './api.ts';
import { PageDialog, failed } from './dialog.ts';
import { count, vietnamDateTime } from './format.ts';
import { FIRST_ROWS, MORE_ROWS, gridTable, shownLine, warningsTable } from './grid-table.ts';
import { type CommentPlace, Drafts, draftProblem, placeLabel, toComment } from './review-comments.ts';
import { reviewFailure } from './review-panel.ts';
import { reviewBadge, reviewStateText } from './review-state.ts';
import { lang, t, type TextKey } from './strings.ts';

/**
 * The review of one commune's report for a period, in a modal dialog: the current state and its
 * comments, the latest version's warnings and sheets exactly as received (Excel's row numbers and
 * column letters; the warnings' cells marked, the message as the tooltip; long sheets a slice at a
 * time), comment drafts made by clicking a cell (a cell comment) or a row number (a row comment),
 * or on the sheet or the whole report; "Duyệt" (with an optional summary), "Trả lại" (needs a
 * comment, and says so), "Mở lại" for an accepted report; and the audit of every transition.
 */

export interface ReviewRequestView {
  token: string;
  period: Period;
  periodName: string;
  communeId: string;
  communeName: string;
  from: HTMLElement;
  describe: (e: unknown) => string;
  /** The review changed: the page refreshes its grid. */
  changed: () => Promise<void>;
}

const dialog = new PageDialog('review');

export function setUpReviewDialog(): void {
  dialog.setUp();
}

const ROLE_KEYS: Readonly<Record<string, TextKey>> = { commune: 'roleCommune', district: 'roleDistrict', admin: 'roleAdmin' };

function commentList(comments: readonly ReviewComment[], id: string): HTMLElement {
  if (comments.length === 0) return h('p', { class: 'note', id }, t('noComments'));
  return h(
    'ul',
    { class: 'comments', id },
    ...comments.map((c) =>
      h(
        'li',
        { 'data-scope': c.scope, 'data-sheet': 'sheet' in c ? c.sheet : '', 'data-row': 'row' in c ? c.row : '', 'data-column': 'column' in c ? c.column : '' },
        h('strong', {}, placeLabel(c)),
        ': ',
        h('span', { class: 'text' }, c.text),
      ),
    ),
  );
}

function auditView(audit: ReviewAuditResponse): HTMLElement {
  if (audit.transitions.length === 0) return h('p', { class: 'note', id: 'review-audit' }, t('noAudit'));
  return h(
    'table',
    { class: 'data audit', id: 'review-audit' },
    h('caption', { class: 'visually-hidden' }, t('audit')),
    h('thead', {}, h('tr', {}, ...[`${t('auditWhen')} (${t('vietnamTime')})`, t('auditWho'), t('auditRole'), t('auditChange'), t('version'), t('auditComments')].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...audit.transitions.map((tr) => {
        const roleKey = ROLE_KEYS[tr.role];
        return h(
          'tr',
          { 'data-from': tr.from, 'data-to': tr.to, 'data-action': tr.action },
          h('td', {}, vietnamDateTime(tr.at)),
          h('td', {}, tr.actor),
          h('td', {}, roleKey === undefined ? tr.role : t(roleKey)),
          h('td', {}, `${reviewStateText(tr.from)} → ${reviewStateText(tr.to)}`),
          h('td', { class: 'num' }, tr.version),
          h('td', {}, commentList(tr.comments, `audit-comments-${tr.revision}`)),
        );
      }),
    ),
  );
}

export async function openReview(req: ReviewRequestView, notice: string | null = null): Promise<void> {
  // An action redraws the review panel: the button the dialog was opened from is then gone, and
  // the focus goes back to the same commune's new one.
  const refind = (): HTMLElement | null => document.querySelector<HTMLElement>(`#review-grid button.open-review[data-commune="${CSS.escape(req.communeId)}"]`);
  const { signal, body } = dialog.open(`${t('reviewDialogTitle')}: ${req.communeName} — ${req.periodName}`, req.from, refind);

  let review: ReviewSummary | null;
  let audit: ReviewAuditResponse;
  let version: SubmissionDetail | null;
  try {
    [review, audit] = await Promise.all([fetchReview(req.token, req.communeId, req.period, signal), fetchAudit(req.token, req.communeId, req.period, signal)]);
    version = review?.submissionId ? await fetchVersion(req.token, review.submissionId, signal) : null;
  } catch (e) {
    if (signal.aborted) return;
    failed(body, req.describe(e), e, () => void openReview(req));
    return;
  }
  if (signal.aborted) return;
  body.replaceChildren(...reviewView(req, review, audit, version, notice));
}

function reviewView(req: ReviewRequestView, review: ReviewSummary | null, audit: ReviewAuditResponse, version: SubmissionDetail | null, notice: string | null): HTMLElement[] {
  const state: ReviewState = review?.state ?? 'missing';
  const head = h(
    'div',
    { class: 'review-state', id: 'review-state', 'data-review-state': state, 'data-version': review?.version ?? '' },
    h('strong', {}, `${t('currentState')}: `),
    reviewBadge(state),
    review?.version == null ? null : ` · ${t('version')} ${review.version}`,
    review?.updatedAt == null ? null : ` · ${vietnamDateTime(review.updatedAt)}`,
  );
  const out: HTMLElement[] = [];
  out.push(h('p', { class: 'dialog-status', role: 'status', id: 'review-notice' }, notice ?? ''));
  out.push(head, h('h3', {}, t('currentComments')), commentList(review?.comments ?? [], 'review-current-comments'));
  if (version === null || review === null) {
    out.push(h('p', { class: 'note' }, t('nothingSubmitted')), h('h3', {}, t('audit')), auditView(audit));
    return out;
  }

  const marksOf = new Map<string, string[]>();
  for (const w of version.warnings) {
    if (w.row === null || w.column === null) continue;
    const key = `${w.sheet}!${w.column}${w.row}`;
    marksOf.set(key, [...(marksOf.get(key) ?? []), renderMessage(w, lang())]);
  }
  const warnings = warningsTable(version.warnings, 'review-warnings');

  // ---- the actions: their buttons say why they are held back ----
  const reason = h('p', { class: 'note', id: 'review-action-reason', role: 'status' });
  const summary = h('textarea', { id: 'review-summary', maxlength: 2000 });
  const accept = h('button', { type: 'button', id: 'review-accept', class: 'primary', 'aria-describedby': 'review-action-reason' }, t('accept'));
  const ret = h('button', { type: 'button', id: 'review-return', 'aria-describedby': 'review-action-reason' }, t('returnReport'));
  const reopen = h('button', { type: 'button', id: 'review-reopen', 'aria-describedby': 'review-action-reason' }, t('reopen'));
  const result = h('p', { class: 'dialog-status', role: 'alert', id: 'review-result' });
  let redraw = (): void => undefined;
  const drafts = new Drafts((placesChanged) => {
    update();
    if (placesChanged) redraw();
  });
  const update = (): void => {
    const problem = draftProblem(drafts.all());
    const awaiting = state === 'submitted';
    accept.disabled = !awaiting || problem !== null;
    ret.disabled = !awaiting || problem !== null || drafts.all().length === 0;
    reopen.disabled = state !== 'accepted';
    reopen.hidden = state !== 'accepted';
    const why = !awaiting ? (state === 'accepted' ? '' : t('notAwaiting')) : problem ?? (drafts.all().length === 0 ? t('returnNeedsComment') : '');
    reason.textContent = why;
  };
  const act = async (action: ReviewerAction): Promise<void> => {
    const comments = drafts.all().map(toComment);
    if (action === 'accept' && summary.value.trim() !== '') comments.push({ scope: 'report', text: summary.value });
    for (const b of [accept, ret, reopen]) b.disabled = true;
    result.textContent = '';
    try {
      const answer = await postReview(req.token, req.communeId, req.period, action, { comments: action === 'reopen' ? [] : comments, version: review.version ?? undefined });
      await req.changed();
      await openReview(req, `${t('actionDone')}: ${reviewStateText(answer.review.state)}`);
    } catch (e) {
      result.textContent = reviewFailure(e, req.describe);
      update();
    }
  };
  accept.addEventListener('click', () => void act('accept'));
  ret.addEventListener('click', () => void act('return'));
  reopen.addEventListener('click', () => void act('reopen'));

  // ---- the sheets as received ----
  const tabs = h('div', { class: 'sheet-tabs', role: 'group', 'aria-label': t('sheetsOfVersion') });
  const holder = h('div', { class: 'sheet-holder' });
  const sheetComment = h('button', { type: 'button', class: 'subtle small', id: 'comment-sheet' }, t('commentSheet'));
  const reportComment = h('button', { type: 'button', class: 'subtle small', id: 'comment-report' }, t('commentReport'));
  let current: Grid | null = null;
  reportComment.addEventListener('click', () => drafts.add({ scope: 'report' }));
  sheetComment.addEventListener('click', () => {
    if (current !== null) drafts.add({ scope: 'sheet', sheet: current.name });
  });
  const show = (grid: Grid, button: HTMLButtonElement): void => {
    current = grid;
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    button.setAttribute('aria-pressed', 'true');
    const marked = new Set([...marksOf.keys()].filter((k) => k.startsWith(`${grid.name}!`)).map((k) => k.slice(grid.name.length + 1)));
    let limit = FIRST_ROWS;
    const draw = (): void => {
      const table = gridTable(grid, limit, marked);
      table.id = 'review-sheet';
      table.dataset.sheet = grid.name;
      for (const td of table.querySelectorAll<HTMLTableCellElement>('td.marked')) td.title = (marksOf.get(`${grid.name}!${td.dataset.cell}`) ?? []).join('\n');
      const commented = new Set(
        [...drafts.all().map((d) => d.place), ...review.comments].flatMap((c) => (c.scope === 'cell' && c.sheet === grid.name ? [`${c.column}${c.row}`] : [])),
      );
      for (const td of table.querySelectorAll<HTMLTableCellElement>('td[data-cell]')) if (commented.has(td.dataset.cell ?? '')) td.classList.add('commented');
      table.addEventListener('click', (e) => {
        const target = e.target as Element;
        const td = target.closest<HTMLTableCellElement>('td[data-cell]');
        if (td) {
          const at = parseAddress(td.dataset.cell ?? '');
          drafts.add({ scope: 'cell', sheet: grid.name, row: at.row, column: columnLetters(at.column) } satisfies CommentPlace);
          return;
        }
        const th = target.closest<HTMLTableCellElement>('tbody th');
        const row = Number(th?.parentElement?.dataset.row);
        if (th && Number.isInteger(row) && row > 0) drafts.add({ scope: 'row', sheet: grid.name, row });
      });
      const scroll = h('div', { class: 'sheet-scroll', tabindex: 0, role: 'region', 'aria-label': `${t('sheetRowsLabel')} ${grid.name}` }, table);
      const line = h('p', { class: 'note' }, shownLine(limit, grid.rows.length));
      const more = limit < grid.rows.length ? h('button', { type: 'button', class: 'subtle small', id: 'review-more' }, `${t('showMore')} ${count(Math.min(MORE_ROWS, grid.rows.length - limit))}`) : null;
      more?.addEventListener('click', () => {
        limit += MORE_ROWS;
        draw();
      });
      const keep = holder.querySelector('.sheet-scroll');
      const scrollTop = keep?.scrollTop ?? 0;
      const scrollLeft = keep?.scrollLeft ?? 0;
      holder.replaceChildren(scroll, h('div', { class: 'row-actions' }, line, more));
      scroll.scrollTop = scrollTop;
      scroll.scrollLeft = scrollLeft;
    };
    redraw = draw;
    draw();
  };
  version.sheets.forEach((s, i) => {
    const b = h('button', { type: 'button', class: 'subtle small', 'aria-pressed': 'false', 'data-sheet': s.grid.name }, s.grid.name);
    b.addEventListener('click', () => show(s.grid, b));
    tabs.append(b);
    if (i === 0) show(s.grid, b);
  });
  update();

  out.push(
    warnings,
    h('h3', {}, t('sheetsOfVersion')),
    tabs,
    holder,
    h('div', { class: 'review-actions' }, sheetComment, reportComment),
    h('h3', {}, t('drafts')),
    drafts.empty,
    drafts.list,
    h('label', { for: 'review-summary' }, t('summaryComment')),
    summary,
    h('div', { class: 'review-actions' }, accept, ret, reopen),
    reason,
    result,
    h('h3', {}, t('audit')),
    auditView(audit),
  );
  return out;
}
