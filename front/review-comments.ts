import type { ReviewComment } from '../shared/api.ts';
import { columnLetters, columnNumber } from '../shared/grid/address.ts';
import type { Grid } from '../shared/grid/grid.ts';
import type { Lang } from '../shared/messages.ts';
import { REVIEW_STATE_NAMES, type ReviewState } from '../shared/review.ts';
import type { CellTarget } from './cell-marks.ts';

/**
 * The district's review comments (issue 20) against the workbook as it is now, the same in the
 * task pane and on the upload page: each comment resolves to what it names — one cell, a row's
 * used cells, a sheet, the whole report — or, when its sheet or cell is no longer there (a renamed
 * sheet, rows removed), to "gone": such a comment is still listed, never dropped.
 */

export type CommentTarget =
  | { kind: 'report' }
  | { kind: 'sheet'; sheet: string }
  | { kind: 'row'; sheet: string; row: number; addresses: string[] }
  | { kind: 'cell'; sheet: string; row: number; address: string }
  | { kind: 'gone'; what: 'sheet' | 'row' | 'cell' };

export interface ResolvedComment {
  comment: ReviewComment;
  target: CommentTarget;
}

/** The last used row and column of a grid (rows[0] is Excel row 1, column A). */
function extent(grid: Grid): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  grid.rows.forEach((row, i) => {
    let last = 0;
    row.forEach((v, c) => {
      if (v !== null && v !== '') last = c + 1;
    });
    if (last > 0) rows = i + 1;
    columns = Math.max(columns, last);
  });
  return { rows, columns };
}

export function resolveComment(comment: ReviewComment, grids: readonly Grid[]): ResolvedComment {
  if (comment.scope === 'report') return { comment, target: { kind: 'report' } };
  const grid = grids.find((g) => g.name === comment.sheet);
  if (!grid) return { comment, target: { kind: 'gone', what: 'sheet' } };
  if (comment.scope === 'sheet') return { comment, target: { kind: 'sheet', sheet: grid.name } };
  const used = extent(grid);
  if (comment.row > used.rows) return { comment, target: { kind: 'gone', what: comment.scope } };
  if (comment.scope === 'row') {
    const addresses: string[] = [];
    (grid.rows[comment.row - 1] ?? []).forEach((v, c) => {
      if (v !== null && v !== '') addresses.push(`${columnLetters(c + 1)}${comment.row}`);
    });
    return { comment, target: { kind: 'row', sheet: grid.name, row: comment.row, addresses } };
  }
  if (columnNumber(comment.column) > used.columns) return { comment, target: { kind: 'gone', what: 'cell' } };
  return { comment, target: { kind: 'cell', sheet: grid.name, row: comment.row, address: `${comment.column}${comment.row}` } };
}

/** Every comment resolved, in the district's order. */
export function resolveComments(comments: readonly ReviewComment[], grids: readonly Grid[]): ResolvedComment[] {
  return comments.map((c) => resolveComment(c, grids));
}

/** The line a review mark adds to a cell's note ("GNBV: " is put before it like an issue's). */
export function reviewNoteLine(text: string, lang: Lang): string {
  return `${lang === 'vi' ? 'Ý kiến cấp huyện' : 'District comment'}: ${text}`;
}

/** The cells to mark in the review colour: each cell a comment names, its comments joined. */
export function reviewMarkTargets(resolved: readonly ResolvedComment[], lang: Lang): CellTarget[] {
  const byCell = new Map<string, CellTarget>();
  const add = (sheet: string, address: string, text: string) => {
    const key = `${sheet}\u0000${address}`;
    const line = reviewNoteLine(text, lang);
    const t = byCell.get(key);
    if (!t) byCell.set(key, { sheet, address, severity: 'review', lines: [line] });
    else if (!t.lines.includes(line)) t.lines.push(line);
  };
  for (const { comment, target } of resolved) {
    if (target.kind === 'cell') add(target.sheet, target.address, comment.text);
    if (target.kind === 'row') for (const a of target.addresses) add(target.sheet, a, comment.text);
  }
  return [...byCell.values()];
}

/**
 * One mark per cell: a cell the district commented on takes the review colour, with the
 * district's lines first and the engine's after them.
 */
export function combineTargets(issueTargets: readonly CellTarget[], reviewTargets: readonly CellTarget[]): CellTarget[] {
  const byCell = new Map(issueTargets.map((t) => [`${t.sheet}\u0000${t.address}`, { ...t, lines: [...t.lines] }]));
  for (const r of reviewTargets) {
    const key = `${r.sheet}\u0000${r.address}`;
    const t = byCell.get(key);
    byCell.set(key, t ? { ...r, lines: [...r.lines, ...t.lines.filter((l) => !r.lines.includes(l))] } : { ...r, lines: [...r.lines] });
  }
  return [...byCell.values()];
}

/** "DS hộ nghèo!J13", "DS hộ nghèo, dòng 13", "DS hộ nghèo", "Cả báo cáo", "… (không còn ô này)". */
export function commentPlace(r: ResolvedComment, lang: Lang): string {
  const c = r.comment;
  const vi = lang === 'vi';
  const named =
    c.scope === 'report'
      ? vi
        ? 'Cả báo cáo'
        : 'Whole report'
      : c.scope === 'sheet'
        ? c.sheet
        : c.scope === 'row'
          ? `${c.sheet}, ${vi ? 'dòng' : 'row'} ${c.row}`
          : `${c.sheet}!${c.column}${c.row}`;
  if (r.target.kind !== 'gone') return named;
  const gone = r.target.what === 'sheet' ? (vi ? 'không còn trang này' : 'this sheet is gone') : vi ? 'không còn ô này' : 'this cell is gone';
  return `${named} (${gone})`;
}

export function reviewStateName(state: ReviewState, lang: Lang): string {
  return REVIEW_STATE_NAMES[state][lang];
}
