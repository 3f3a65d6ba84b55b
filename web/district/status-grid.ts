import type { ReportState, StatusCell, StatusResponse } from '../../shared/api.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import { h } from '../../front/dom.ts';
import { capitalise, count, lateBy, vietnamDate, vietnamDateTime } from './format.ts';
import { reviewBadge } from './review-state.ts';
import { kindName, t } from './strings.ts';

/**
 * The communes × kinds-due grid: on time, late (by how much), missing, with the version and the
 * time in Vietnam time. An ARIA grid with one tab stop (roving tabindex): the arrow keys, Home and
 * End move between cells, Enter or Space (or a click) opens the commune's version history.
 */

export type OpenHistory = (communeId: string, kind: SheetKind | null, from: HTMLElement) => void;

const ICONS: Readonly<Record<ReportState, string>> = { onTime: '✓', late: '!', missing: '✕' };

export function stateText(cell: StatusCell): string {
  if (cell.state === 'onTime') return t('onTime');
  if (cell.state === 'late') return cell.lateBySeconds === null ? t('late') : capitalise(lateBy(cell.lateBySeconds));
  return t('missing');
}

function cellView(communeId: string, cell: StatusCell): HTMLTableCellElement {
  const meta = cell.version === null || cell.receivedAt === null ? null : `${t('version')} ${cell.version} · ${vietnamDateTime(cell.receivedAt)}`;
  return h(
    'td',
    {
      class: `cell state-${cell.state}`,
      tabindex: -1,
      'data-commune': communeId,
      'data-kind': cell.kind,
      'data-state': cell.state,
      'data-version': cell.version ?? '',
      'data-received-at': cell.receivedAt ?? '',
      'data-late-by': cell.lateBySeconds ?? '',
    },
    h('span', { class: 'state' }, h('span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[cell.state]), ` ${stateText(cell)}`),
    meta === null ? null : h('span', { class: 'meta' }, meta),
  );
}

export interface GridTotals {
  communes: number;
  due: number;
  onTime: number;
  late: number;
  missing: number;
}

export function totalsOf(status: StatusResponse): GridTotals {
  const cells = status.communes.flatMap((c) => c.kinds);
  return {
    communes: status.communes.length,
    due: cells.length,
    onTime: cells.filter((c) => c.state === 'onTime').length,
    late: cells.filter((c) => c.state === 'late').length,
    missing: cells.filter((c) => c.state === 'missing').length,
  };
}

export function summaryLine(totals: GridTotals): HTMLElement {
  const item = (key: keyof GridTotals, label: string, cls: string): HTMLElement =>
    h('span', { class: `tally ${cls}`, 'data-count': key }, h('strong', {}, count(totals[key])), ` ${label}`);
  return h(
    'p',
    { class: 'tallies' },
    item('communes', t('communesWord'), 'plain'),
    ' · ',
    item('due', t('reportsDue'), 'plain'),
    ': ',
    item('onTime', t('countOnTime'), 'state-onTime'),
    ' · ',
    item('late', t('countLate'), 'state-late'),
    ' · ',
    item('missing', t('countMissing'), 'state-missing'),
  );
}

export function statusGrid(status: StatusResponse, open: OpenHistory): HTMLTableElement {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('commune')), ...status.kindsDue.map((k) => h('th', { scope: 'col', 'data-kind': k }, kindName(k))));
  const body = status.communes.map((c) =>
    h(
      'tr',
      { 'data-commune': c.commune.id },
      h(
        'th',
        { scope: 'row', class: 'commune', tabindex: -1, 'data-commune': c.commune.id },
        h('span', { class: 'name' }, c.commune.name),
        h('span', { class: 'meta' }, c.deadline === null ? t('noPlan') : `${t('deadline')} ${vietnamDate(c.deadline)}`),
        reviewBadge(c.review.state),
      ),
      ...c.kinds.map((k) => cellView(c.commune.id, k)),
    ),
  );
  const table = h('table', { class: 'status-grid', id: 'status-grid', role: 'grid', 'aria-labelledby': 'status-title', 'aria-describedby': 'status-hint' }, h('thead', {}, head), h('tbody', {}, ...body));
  const cells = (): HTMLElement[][] => [...(table.tBodies[0] as HTMLTableSectionElement).rows].map((r) => [...r.cells]);
  const first = cells()[0]?.[1] ?? cells()[0]?.[0];
  first?.setAttribute('tabindex', '0');

  const focusCell = (el: HTMLElement): void => {
    table.querySelectorAll('[tabindex="0"]').forEach((x) => x.setAttribute('tabindex', '-1'));
    el.setAttribute('tabindex', '0');
    el.focus();
  };
  const activate = (el: HTMLElement): void => {
    const communeId = el.dataset.commune;
    if (communeId === undefined) return;
    focusCell(el);
    open(communeId, (el.dataset.kind as SheetKind | undefined) ?? null, el);
  };
  table.addEventListener('click', (e) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-commune][tabindex]');
    if (el) activate(el);
  });
  table.addEventListener('keydown', (e) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-commune][tabindex]');
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(el);
      return;
    }
    const grid = cells();
    const r = grid.findIndex((row) => row.includes(el));
    const c = grid[r]?.indexOf(el) ?? -1;
    if (r < 0 || c < 0) return;
    const last = grid.length - 1;
    const width = (grid[r]?.length ?? 1) - 1;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, Math.min(width, c + 1)],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowDown: [Math.min(last, r + 1), c],
      ArrowUp: [Math.max(0, r - 1), c],
      Home: e.ctrlKey ? [0, 0] : [r, 0],
      End: e.ctrlKey ? [last, width] : [r, width],
      PageDown: [Math.min(last, r + 10), c],
      PageUp: [Math.max(0, r - 10), c],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const target = grid[to[0]]?.[to[1]];
    if (target) focusCell(target);
  });
  return table;
}
