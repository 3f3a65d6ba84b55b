import type { SubmissionDetail, SubmissionSummary } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import type { Period } from '../../shared/periods.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import { h } from '../../front/dom.ts';
import { fetchVersion, fetchVersions } from './api.ts';
import { PageDialog, failed } from './dialog.ts';
import { capitalise, count, endOfVietnamDay, lateBy, vietnamDateTime } from './format.ts';
import { FIRST_ROWS, MORE_ROWS, gridTable, shownLine, warningsTable } from './grid-table.ts';
import { kindName, t } from './strings.ts';

/**
 * A commune's versions for the period (GET /api/submissions?communeId=&period=) in a modal
 * dialog, and one version's warnings and sheets exactly as received (GET /api/submissions/:id).
 * Opens on the latest version containing the kind of the cell it was opened from; closing it
 * (Đóng, Esc) puts the focus back on that cell. A read that got no answer is said with a
 * "Thử lại" button that reads it again.
 */

export interface HistoryRequest {
  token: string;
  period: Period;
  periodName: string;
  communeId: string;
  communeName: string;
  kind: SheetKind | null;
  from: HTMLElement;
  /** Turns a failure into the text to show (the page's one place for that). */
  describe: (e: unknown) => string;
}

const dialog = new PageDialog('history');

export function setUpHistoryDialog(): void {
  dialog.setUp();
}

function timeliness(v: SubmissionSummary): string {
  if (!v.late) return t('onTime');
  const end = endOfVietnamDay(v.deadline);
  const seconds = end === null ? null : Math.max(0, Math.floor((Date.parse(v.receivedAt) - end) / 1000));
  return seconds === null ? t('late') : capitalise(lateBy(seconds));
}

function rowCounts(v: SubmissionSummary): string {
  return v.kinds.map((k) => `${kindName(k)}: ${count(v.rowCounts[k])}`).join(' · ');
}

export async function openHistory(req: HistoryRequest): Promise<void> {
  const { signal, body, status } = dialog.open([req.communeName, req.periodName, req.kind === null ? null : kindName(req.kind)].filter(Boolean).join(' — '), req.from);

  let versions: SubmissionSummary[];
  try {
    versions = await fetchVersions(req.token, req.communeId, req.period, signal);
  } catch (e) {
    if (signal.aborted) return;
    failed(body, req.describe(e), e, () => void openHistory(req));
    return;
  }
  if (signal.aborted) return;
  if (versions.length === 0) {
    status.textContent = t('noVersions');
    return;
  }
  const latestOfKind = req.kind === null ? versions[0] : versions.find((v) => v.kinds.includes(req.kind as SheetKind));
  status.textContent = req.kind !== null && latestOfKind === undefined ? `${t('noVersionOfKind')} ${kindName(req.kind).toLowerCase()}.` : '';

  const detail = h('div', { class: 'version-detail', id: 'version-detail' });
  // Announces which version is shown, not the whole table of its rows.
  const announce = h('p', { class: 'visually-hidden', role: 'status', id: 'version-announce' });
  const rows = versions.map((v) => {
    const button = h('button', { type: 'button', class: 'subtle small', 'data-version': v.version, 'aria-describedby': `version-${v.version}-label` }, t('view'));
    const tr = h(
      'tr',
      { 'data-id': v.id, 'data-version': v.version, 'data-late': v.late ? 'true' : 'false', class: req.kind !== null && v.kinds.includes(req.kind) ? 'has-kind' : null },
      h('th', { scope: 'row', id: `version-${v.version}-label` }, `${t('version')} ${v.version}`, v.id === latestOfKind?.id && req.kind !== null ? h('span', { class: 'badge' }, t('usedInMerge')) : null),
      h('td', {}, vietnamDateTime(v.receivedAt)),
      h('td', { class: v.late ? 'state-late' : 'state-onTime' }, timeliness(v)),
      h('td', {}, rowCounts(v)),
      h('td', { class: 'num' }, count(v.warningCount)),
      h('td', {}, v.submittedBy),
      h('td', {}, button),
    );
    button.addEventListener('click', () => void showVersion(req, v, tr, detail, announce, signal));
    return tr;
  });
  const table = h(
    'table',
    { class: 'data versions', id: 'versions' },
    h('caption', { class: 'visually-hidden' }, t('historyTitle')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('version'), `${t('receivedAt')} (${t('vietnamTime')})`, t('state'), t('rows'), t('warnings'), t('submittedBy')].map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('view'))),
      ),
    ),
    h('tbody', {}, ...rows),
  );
  body.append(h('h3', {}, t('historyTitle')), h('div', { class: 'table-scroll versions-scroll' }, table), announce, detail);
  const first = latestOfKind ?? versions[0];
  const firstRow = rows.find((r) => r.dataset.id === first?.id);
  if (first && firstRow) await showVersion(req, first, firstRow, detail, announce, signal);
}

async function showVersion(req: HistoryRequest, v: SubmissionSummary, row: HTMLTableRowElement, detail: HTMLElement, announce: HTMLElement, signal: AbortSignal): Promise<void> {
  row.parentElement?.querySelectorAll('tr[aria-current]').forEach((r) => r.removeAttribute('aria-current'));
  row.setAttribute('aria-current', 'true');
  detail.replaceChildren(h('p', { class: 'dialog-status', role: 'status' }, t('loading')));
  let version: SubmissionDetail;
  try {
    version = await fetchVersion(req.token, v.id, signal);
  } catch (e) {
    if (signal.aborted) return;
    failed(detail, req.describe(e), e, () => void showVersion(req, v, row, detail, announce, signal));
    return;
  }
  if (signal.aborted) return;
  detail.replaceChildren(...versionView(version));
  announce.textContent = detail.querySelector('#version-title')?.textContent ?? '';
}

function versionView(v: SubmissionDetail): HTMLElement[] {
  const heading = h('h3', { id: 'version-title', 'data-version': v.version }, `${t('versionRows')} ${v.version} — ${vietnamDateTime(v.receivedAt)}`);
  const facts = h(
    'p',
    { class: 'facts' },
    `${t('submittedBy')}: ${v.submittedBy} · ${t('rulePack')}: ${v.rulePack} · ${t('checksum')}: `,
    h('code', {}, v.checksum.slice(0, 16)),
    '…',
  );
  const warnings = warningsTable(v.warnings, 'version-warnings');
  const sheets = v.sheets.map((s) => s.grid);
  const tabs = h('div', { class: 'sheet-tabs', role: 'group', 'aria-label': t('sheetsOfVersion') });
  const holder = h('div', { class: 'sheet-holder' });
  const show = (grid: Grid, button: HTMLButtonElement): void => {
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    button.setAttribute('aria-pressed', 'true');
    const marked = new Set(v.warnings.filter((w) => w.sheet === grid.name && w.row !== null && w.column !== null).map((w) => `${w.column}${w.row}`));
    let limit = FIRST_ROWS;
    const draw = (): void => {
      const scroll = h('div', { class: 'sheet-scroll', tabindex: 0, role: 'region', 'aria-label': `${t('sheetRowsLabel')} ${grid.name}` }, gridTable(grid, limit, marked));
      const line = h('p', { class: 'note' }, shownLine(limit, grid.rows.length));
      const more = limit < grid.rows.length ? h('button', { type: 'button', class: 'subtle small' }, `${t('showMore')} ${count(Math.min(MORE_ROWS, grid.rows.length - limit))}`) : null;
      more?.addEventListener('click', () => {
        limit += MORE_ROWS;
        draw();
      });
      holder.replaceChildren(scroll, h('div', { class: 'row-actions' }, line, more));
    };
    draw();
  };
  sheets.forEach((grid, i) => {
    const b = h('button', { type: 'button', class: 'subtle small', 'aria-pressed': 'false', 'data-sheet': grid.name }, grid.name);
    b.addEventListener('click', () => show(grid, b));
    tabs.append(b);
    if (i === 0) show(grid, b);
  });
  return [heading, facts, warnings, h('h4', {}, t('sheetsOfVersion')), tabs, holder];
}
