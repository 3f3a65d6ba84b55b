import type { Issue } from '../../shared/issues.ts';
import { AddinError } from '../errors.ts';
import type { Fix } from '../fixes.ts';

/** Selects the cell of an issue (the row for a row-level issue, the header row for a sheet-level one). */
export async function selectIssue(context: Excel.RequestContext, issue: Issue, headerRow: number | null): Promise<void> {
  const ws = context.workbook.worksheets.getItem(issue.sheet);
  ws.activate();
  const target =
    issue.row !== null && issue.column !== null ? `${issue.column}${issue.row}` : issue.row !== null ? `${issue.row}:${issue.row}` : `${headerRow ?? 1}:${headerRow ?? 1}`;
  ws.getRange(target).select();
  await context.sync();
}

/**
 * Applies a fix to the issue's cell and to nothing else. The cell is read first: if it no longer
 * holds the value the check saw, nothing is written. Two syncs.
 */
export async function applyFix(context: Excel.RequestContext, issue: Issue, fix: Fix): Promise<void> {
  if (issue.row === null || issue.column === null) throw new AddinError('notFixable');
  const range = context.workbook.worksheets.getItem(issue.sheet).getRange(`${issue.column}${issue.row}`);
  range.load('values');
  await context.sync();
  const now: unknown = (range.values as unknown[][])[0]?.[0];
  if (now !== issue.value) throw new AddinError('cellChanged', `${issue.sheet}!${issue.column}${issue.row}`);
  if (fix.kind === 'id') {
    // Text format first, so the 12 digits stay text (and keep their leading 0).
    range.numberFormat = [['@']];
    range.values = [[fix.text]];
  } else {
    // Text that looks like a formula is entered as text (a leading apostrophe is not stored).
    range.values = [[/^[=+\-@]/.test(fix.text) ? `'${fix.text}` : fix.text]];
    if (fix.font !== null) range.format.font.name = fix.font;
  }
  await context.sync();
}
