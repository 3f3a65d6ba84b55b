import { type CellTarget, cellKey, markTargets } from '../../front/cell-marks.ts';
import { combineTargets } from '../../front/review-comments.ts';
import type { Issue } from '../../shared/issues.ts';
import { type CurrentCell, type MarkRecord, decodeRecords, encodeRecords, planMarks } from '../marks/mark-plan.ts';
import { MARK_READ_BYTES_PER_CELL, MARK_WRITE_BYTES_PER_CELL, SYNC_BUDGET_BYTES, batchesByBudget } from './limits.ts';
import { MARKS_SHEET } from './read-workbook.ts';

export interface MarkOptions {
  /** Excel can add notes (ExcelApi 1.18); else cells are only filled. */
  notes: boolean;
}

export interface MarkResult {
  /** Cells that carry a mark now. */
  marked: number;
  /** Cells whose earlier mark was undone. */
  restored: number;
}

type FillType = NonNullable<Excel.CellPropertiesFill['pattern']>;

/**
 * Marks every issue cell (fill, and a note with the messages) and every cell the district
 * commented on (`reviewTargets`, its own colour, front/review-comments.ts), and undoes earlier marks that no
 * longer apply, keeping the original fills and notes on the very hidden marks sheet.
 * Syncs: one to read the cells' fills and notes, one to write — more only past the byte budget.
 */
export async function markIssues(
  context: Excel.RequestContext,
  issues: readonly Issue[],
  storedMarks: readonly (readonly unknown[])[] | null,
  sheetNames: readonly string[],
  options: MarkOptions,
  reviewTargets: readonly CellTarget[] = [],
): Promise<MarkResult> {
  const existing = new Set(sheetNames);
  const previous = decodeRecords(storedMarks).filter((r) => existing.has(r.sheet));
  const targets = combineTargets(markTargets(issues), reviewTargets).filter((t) => existing.has(t.sheet));
  if (targets.length === 0 && previous.length === 0 && !existing.has(MARKS_SHEET)) return { marked: 0, restored: 0 };

  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };

  // 1. How the cells look now.
  const cells = new Map<string, { sheet: string; address: string }>();
  for (const c of [...previous, ...targets]) cells.set(cellKey(c.sheet, c.address), { sheet: c.sheet, address: c.address });
  const current = new Map<string, CurrentCell>();
  for (const batch of batchesByBudget([...cells.values()], () => MARK_READ_BYTES_PER_CELL)) {
    const pending = batch.map((c) => {
      const ws = sheet(c.sheet);
      const fill = ws.getRange(c.address).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
      const note = options.notes ? ws.notes.getItemOrNullObject(c.address) : null;
      note?.load('content');
      return { c, fill, note };
    });
    await context.sync();
    for (const { c, fill, note } of pending) {
      const f = fill.value[0]?.[0]?.format?.fill ?? {};
      const pattern = String(f.pattern ?? 'None');
      // No fill has no colour to keep; a solid fill has no pattern colour to keep.
      const now: CurrentCell = {
        fill: {
          pattern,
          ...(f.color && pattern !== 'None' ? { color: f.color } : {}),
          ...(f.patternColor && pattern !== 'None' && pattern !== 'Solid' ? { patternColor: f.patternColor } : {}),
        },
      };
      if (note) now.note = note.isNullObject ? null : { content: note.content };
      current.set(cellKey(c.sheet, c.address), now);
    }
  }

  // 2. Restore, mark, and store what to restore next time.
  const plan = planMarks(targets, previous, current, options.notes);
  type Op = { bytes: number; run: () => void };
  const ops: Op[] = [];
  for (const r of plan.restoreFills) {
    ops.push({
      bytes: MARK_WRITE_BYTES_PER_CELL,
      run: () => {
        const range = sheet(r.sheet).getRange(r.address);
        if (r.fill.pattern === 'None') range.format.fill.clear();
        else {
          const fill: Excel.CellPropertiesFill = { pattern: r.fill.pattern as FillType };
          if (r.fill.color) fill.color = r.fill.color;
          if (r.fill.patternColor) fill.patternColor = r.fill.patternColor;
          range.setCellProperties([[{ format: { fill } }]]);
        }
      },
    });
  }
  for (const m of plan.fills) {
    ops.push({
      bytes: MARK_WRITE_BYTES_PER_CELL,
      run: () => {
        sheet(m.sheet).getRange(m.address).format.fill.color = m.color;
      },
    });
  }
  for (const n of plan.notes) {
    ops.push({
      bytes: MARK_WRITE_BYTES_PER_CELL + (n.content?.length ?? 0) * 2,
      run: () => {
        const ws = sheet(n.sheet);
        if (n.content === null) ws.notes.getItem(n.address).delete();
        else if (n.exists) ws.notes.getItem(n.address).content = n.content;
        else ws.notes.add(ws.getRange(n.address), n.content);
      },
    });
  }
  ops.push(...storeRecords(context, plan.records, existing.has(MARKS_SHEET)));
  for (const batch of batchesByBudget(ops, (op) => op.bytes)) {
    for (const op of batch) op.run();
    await context.sync();
  }
  const still = new Set(plan.records.map((r) => cellKey(r.sheet, r.address)));
  const restored = previous.filter((r) => !still.has(cellKey(r.sheet, r.address))).length;
  return { marked: plan.records.length, restored };
}

/** Rewrites the marks sheet (created very hidden when needed, deleted when no mark is left). */
function storeRecords(context: Excel.RequestContext, records: readonly MarkRecord[], exists: boolean): { bytes: number; run: () => void }[] {
  const worksheets = context.workbook.worksheets;
  if (records.length === 0) {
    if (!exists) return [];
    return [
      {
        bytes: 200,
        run: () => {
          const ws = worksheets.getItem(MARKS_SHEET);
          // A very hidden sheet cannot be deleted (InvalidOperation): unhide it first.
          ws.visibility = 'Hidden';
          ws.delete();
        },
      },
    ];
  }
  const rows = encodeRecords(records);
  let ws: Excel.Worksheet | null = null;
  const target = (): Excel.Worksheet => {
    if (!ws) {
      if (exists) {
        ws = worksheets.getItem(MARKS_SHEET);
        ws.getRange().clear();
      } else {
        ws = worksheets.add(MARKS_SHEET);
        ws.visibility = 'VeryHidden';
      }
    }
    return ws;
  };
  // Rows in chunks under the budget; every cell formatted as text first, so no value becomes a formula.
  const chunks: { start: number; rows: string[][] }[] = [];
  let start = 0;
  for (const chunk of batchesByBudget(rows, (row) => 64 + JSON.stringify(row).length * 2, SYNC_BUDGET_BYTES / 2)) {
    chunks.push({ start, rows: chunk });
    start += chunk.length;
  }
  return chunks.map((c) => ({
    bytes: c.rows.reduce((n, row) => n + 64 + JSON.stringify(row).length * 2, 0),
    run: () => {
      const range = target().getRangeByIndexes(c.start, 0, c.rows.length, rows[0]?.length ?? 6);
      range.numberFormat = c.rows.map((row) => row.map(() => '@'));
      range.values = c.rows;
    },
  }));
}

/** "Xoá đánh dấu": every stored mark is undone where it is still there; the marks sheet goes. */
export async function clearMarks(context: Excel.RequestContext, options: MarkOptions): Promise<MarkResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((ws) => ws.name);
  if (!names.includes(MARKS_SHEET)) return { marked: 0, restored: 0 };
  const used = worksheets.getItem(MARKS_SHEET).getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  const stored = used.isNullObject ? null : (used.values as unknown[][]);
  return markIssues(context, [], stored, names, options);
}
