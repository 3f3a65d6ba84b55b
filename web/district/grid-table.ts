import type { Issue } from '../../shared/issues.ts';
import { renderMessage } from '../../shared/messages.ts';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { address, columnLetters, parseRange } from '../../shared/grid/address.ts';
import { h } from '../../front/dom.ts';
import { count } from './format.ts';
import { lang, t } from './strings.ts';

/**
 * One received sheet drawn as the officer's own table: Excel's row numbers and column letters, the
 * merged areas, the values exactly as received (numbers unformatted, dates dd/mm/yyyy, errors as
 * Excel writes them), and the cells a warning points at marked. Long sheets are drawn a slice at a
 * time ("Hiện thêm"), so a 20,000-row list does not freeze the page.
 */

export const FIRST_ROWS = 200;
export const MORE_ROWS = 500;

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('date' in v) {
    const [y, m, d] = v.date.split('-');
    return `${d}/${m}/${y}`;
  }
  return v.error;
}

interface Span {
  rows: number;
  cols: number;
}

/** Top-left cell → its span; every other cell of an area → null (not drawn). */
function mergeMap(grid: Grid): Map<string, Span | null> {
  const out = new Map<string, Span | null>();
  for (const m of grid.merges) {
    let r;
    try {
      r = parseRange(m);
    } catch {
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) out.set(address(row, col), null);
    }
    out.set(address(r.top, r.left), { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
  }
  return out;
}

/** Text longer than this runs on over the empty cells to its right, as Excel shows it (titles, notes). */
const OVERFLOW_CHARS = 16;

/** The table of the first `limit` rows of the sheet. `marked`: A1 addresses a warning points at. */
export function gridTable(grid: Grid, limit: number, marked: ReadonlySet<string>): HTMLTableElement {
  const width = Math.max(1, ...grid.rows.map((r) => r.length));
  const shown = Math.min(limit, grid.rows.length);
  const merges = mergeMap(grid);
  const head = h('tr', {}, h('th', { scope: 'col', class: 'corner' }, h('span', { class: 'visually-hidden' }, t('rows'))), ...Array.from({ length: width }, (_, i) => h('th', { scope: 'col' }, columnLetters(i + 1))));
  const body: HTMLTableRowElement[] = [];
  for (let r = 1; r <= shown; r++) {
    const values = grid.rows[r - 1] ?? [];
    const tr = h('tr', { 'data-row': r }, h('th', { scope: 'row' }, r));
    for (let c = 1; c <= width; c++) {
      const ref = address(r, c);
      const span = merges.get(ref);
      if (span === null) continue;
      const value = values[c - 1];
      let cols = span?.cols ?? 1;
      if (span === undefined && typeof value === 'string' && value.length > OVERFLOW_CHARS) {
        // Over the empty, unmerged cells that follow, up to the next value.
        while (c + cols <= width && merges.get(address(r, c + cols)) === undefined && cellText(values[c + cols - 1]) === '') cols++;
      }
      const rows = span ? Math.min(span.rows, shown - r + 1) : 1;
      tr.append(
        h(
          'td',
          {
            'data-cell': ref,
            rowspan: rows > 1 ? rows : null,
            colspan: cols > 1 ? cols : null,
            class: [typeof value === 'number' ? 'num' : '', marked.has(ref) ? 'marked' : ''].filter(Boolean).join(' ') || null,
          },
          cellText(value),
        ),
      );
      c += cols - 1;
    }
    body.push(tr);
  }
  return h('table', { class: 'sheet-grid' }, h('caption', { class: 'visually-hidden' }, `${t('sheetRowsLabel')} ${grid.name}`), h('thead', {}, head), h('tbody', {}, ...body));
}

/** "Đang hiện 200 trên 1.250 dòng". */
export function shownLine(shown: number, total: number): string {
  return `${t('rowsShown')} ${count(Math.min(shown, total))} ${t('of')} ${count(total)} ${t('rows').toLowerCase()}`;
}

/** A version's warnings as received, one row each (sheet, cell, the message in the page's language); the table's id is `id`. */
export function warningsTable(warnings: readonly Issue[], id: string): HTMLElement {
  if (warnings.length === 0) return h('p', { class: 'note', id }, t('noWarnings'));
  return h(
    'table',
    { class: 'data warnings', id },
    h('caption', {}, `${t('warningsOf')}: ${count(warnings.length)}`),
    h('thead', {}, h('tr', {}, ...[t('sheet'), t('cell'), t('message')].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...warnings.map((w) =>
        h(
          'tr',
          { 'data-code': w.code, 'data-sheet': w.sheet, 'data-row': w.row ?? '', 'data-column': w.column ?? '' },
          h('td', {}, w.sheet || '—'),
          h('td', {}, w.row === null ? '—' : `${w.column ?? ''}${w.row}`),
          h('td', {}, renderMessage(w, lang())),
        ),
      ),
    ),
  );
}
