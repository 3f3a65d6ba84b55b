import { groupIssues, listOrder } from '../../front/issue-list.ts';
import type { Issue } from '../../shared/issues.ts';
import { codeTitle, fieldLabel, type Lang } from '../../shared/messages.ts';
import { t } from '../ui/strings.ts';
import { SYNC_BUDGET_BYTES, batchesByBudget } from './limits.ts';
import { ISSUES_SHEET } from './read-workbook.ts';

const HEADERS: Record<Lang, string[]> = {
  vi: ['STT', 'Mức độ', 'Mã lỗi', 'Loại lỗi', 'Trang', 'Ô', 'Dòng', 'Cột', 'Trường', 'Giá trị', 'Nội dung'],
  en: ['No.', 'Severity', 'Code', 'Kind', 'Sheet', 'Cell', 'Row', 'Column', 'Field', 'Value', 'Message'],
};
/** Columns written as numbers (STT, Dòng); every other column is formatted as text first. */
const NUMERIC = new Set([0, 6]);

/** One row per issue, in the pane's order (errors first, by code). */
export function issueRows(issues: readonly Issue[], lang: Lang): (string | number)[][] {
  return listOrder(groupIssues(issues)).map((i, n) => [
    n + 1,
    t(i.severity, lang),
    i.code,
    codeTitle(i.code, lang),
    i.sheet,
    i.row !== null && i.column !== null ? `${i.column}${i.row}` : '',
    i.row ?? '',
    i.column ?? '',
    fieldLabel(i.field, lang),
    i.value === null ? '' : String(i.value),
    i.message,
  ]);
}

/**
 * Writes the issue list to the sheet "GNBV - Danh sách lỗi" (emptied first when it exists) and
 * shows it. Text columns are formatted "@" before writing, so "=…", "+…", "-…" stay text.
 * Syncs: one to find the sheet, then one per ~1 MB of rows.
 */
export async function exportIssues(context: Excel.RequestContext, issues: readonly Issue[], lang: Lang): Promise<void> {
  const found = context.workbook.worksheets.getItemOrNullObject(ISSUES_SHEET);
  found.load('name');
  await context.sync();
  const ws = found.isNullObject ? context.workbook.worksheets.add(ISSUES_SHEET) : found;
  if (!found.isNullObject) ws.getRange().clear();

  const rows: (string | number)[][] = [HEADERS[lang], ...issueRows(issues, lang)];
  const width = HEADERS[lang].length;
  let start = 0;
  for (const chunk of batchesByBudget(rows, (r) => 64 + JSON.stringify(r).length * 2, SYNC_BUDGET_BYTES / 2)) {
    const range = ws.getRangeByIndexes(start, 0, chunk.length, width);
    range.numberFormat = chunk.map((r) => r.map((_, c) => (NUMERIC.has(c) ? 'General' : '@')));
    range.values = chunk;
    start += chunk.length;
    if (start === chunk.length) {
      const header = ws.getRangeByIndexes(0, 0, 1, width);
      header.format.font.bold = true;
      header.format.fill.color = '#E1DFDD';
      ws.freezePanes.freezeRows(1);
    }
    if (start === rows.length) {
      ws.getRangeByIndexes(0, 0, rows.length, width).format.autofitColumns();
      ws.activate();
    }
    await context.sync();
  }
}
