import type { Issue, Severity } from '../shared/issues.ts';

/**
 * How an issue cell is marked, the same in the task pane (Excel itself, addin/marks/) and in the
 * upload page's marked copy (web/upload/mark-copy.ts): one mark per cell, Excel's light red for an
 * error or yellow for a warning, and a note "GNBV: message" after the note the cell already had.
 */

/** What a mark is for: an issue's severity, or a cell the district commented on (issue 20). */
export type MarkKind = Severity | 'review';

/**
 * Excel's own "light red" and "yellow" fills, which officers know from conditional formatting; a
 * district comment is light blue, unlike either.
 */
export const MARK_FILL: Record<MarkKind, string> = { error: '#FFC7CE', warning: '#FFEB9C', review: '#BDD7EE' };

export interface CellTarget {
  sheet: string;
  address: string;
  severity: MarkKind;
  lines: string[];
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/** The cells to mark: one per cell with an issue, errors winning over warnings, messages joined. */
export function markTargets(issues: readonly Issue[]): CellTarget[] {
  const byCell = new Map<string, CellTarget>();
  for (const issue of issues) {
    if (issue.row === null || issue.column === null) continue;
    const address = `${issue.column}${issue.row}`;
    const key = cellKey(issue.sheet, address);
    const target = byCell.get(key);
    if (!target) byCell.set(key, { sheet: issue.sheet, address, severity: issue.severity, lines: [issue.message] });
    else {
      if (issue.severity === 'error') target.severity = 'error';
      if (!target.lines.includes(issue.message)) target.lines.push(issue.message);
    }
  }
  return [...byCell.values()];
}

/** The note a cell had before its mark: none, its text, or "untouched" when the mark added no note. */
export type NoteBefore = null | { content: string } | 'untouched';

/** The note text of a mark: the officer's note first (kept), then ours. */
export function markNoteText(original: NoteBefore, lines: readonly string[]): string {
  const ours = lines.map((l) => `GNBV: ${l}`).join('\n');
  return original !== null && original !== 'untouched' && original.content !== '' ? `${original.content}\n\n${ours}` : ours;
}
