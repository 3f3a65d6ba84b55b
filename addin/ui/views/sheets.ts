import { columnLetters } from '../../../shared/grid/address.ts';
import type { Grid } from '../../../shared/grid/grid.ts';
import { KINDS } from '../../../shared/kinds/index.ts';
import { fieldLabel, kindName } from '../../../shared/messages.ts';
import type { SheetSummary } from '../../../shared/validate.ts';
import type { CheckOutcome } from '../../check.ts';
import { remap } from '../actions/settings.ts';
import { h } from '../../../front/dom.ts';
import { card } from '../dom.ts';
import type { Pane } from '../pane.ts';
import { t } from '../strings.ts';

/** Header text of a column (the labels of the header rows, joined), for the mapping lists. */
function columnLabel(grid: Grid, headerRow: number, headerRows: number, col: number): string {
  const parts: string[] = [];
  for (let r = headerRow; r < headerRow + headerRows; r++) {
    const v = grid.rows[r - 1]?.[col - 1];
    if (typeof v === 'string' && v.trim() !== '') parts.push(v.trim().replace(/\s+/g, ' '));
  }
  const text = parts.join(' / ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function mappingEditor(pane: Pane, summary: SheetSummary, grid: Grid): HTMLElement | null {
  if (!summary.kind || summary.headerRow === null) return null;
  const l = pane.lang();
  const spec = KINDS[summary.kind];
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  // mappingOf() also names a multi-column field (Năm sinh → Nam / Nữ) by its first column: not a column of its own.
  const aliasOnly = (id: string) =>
    Object.entries(summary.columns).some(([k, col]) => k.startsWith(`${id}.`) && col === summary.columns[id]);
  const fields = spec.fields.filter(
    (f) => f.type !== 'ignored' && !aliasOnly(f.id) && (summary.columns[f.id] !== undefined || spec.required.includes(f.id)),
  );
  const options = (selected: string | undefined) => [
    h('option', { value: '', selected: selected === undefined }, t('noColumn', l)),
    ...Array.from({ length: width }, (_, i) => {
      const letters = columnLetters(i + 1);
      const label = columnLabel(grid, summary.headerRow ?? 1, summary.headerRows ?? 1, i + 1);
      return h('option', { value: letters, selected: selected === letters }, label ? `${letters} — ${label}` : letters);
    }),
  ];
  return h(
    'details',
    { className: 'mapping' },
    h('summary', {}, t('mapping', l)),
    h('p', { className: 'muted' }, t('mappingHint', l)),
    ...fields.map((f) => {
      const id = `map-${summary.name}-${f.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
      return h(
        'div',
        { className: 'field' },
        h('label', { for: id }, fieldLabel(f.id, l), spec.required.includes(f.id) ? ' *' : ''),
        h(
          'select',
          {
            id,
            disabled: pane.state.busy,
            onChange: (e: Event) => void remap(pane, summary, f.id, (e.target as HTMLSelectElement).value),
          },
          ...options(summary.columns[f.id]),
        ),
      );
    }),
  );
}

/** The sheets read, each with its kind and the column mapping to correct. */
export function sheetsSection(pane: Pane, outcome: CheckOutcome): HTMLElement {
  const l = pane.lang();
  return card(
    'sheets-title',
    t('sheets', l),
    h(
      'ul',
      { className: 'sheets' },
      ...outcome.result.sheets.map((s) => {
        const grid = outcome.sheets.find((x) => x.grid.name === s.name)?.grid;
        return h(
          'li',
          {},
          h('strong', {}, s.name),
          h(
            'span',
            { className: 'muted' },
            s.kind ? ` — ${kindName(s.kind, l)}, ${t('headerRow', l)} ${s.headerRow}, ${s.dataRows} ${t('dataRows', l)}` : ` — ${t('skipped', l)}`,
          ),
          grid ? mappingEditor(pane, s, grid) : null,
        );
      }),
    ),
  );
}
