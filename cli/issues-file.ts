import { writeFile } from 'node:fs/promises';
import type { IssueValue, Severity } from '../shared/issues.ts';
import type { Column } from '../shared/xlsx/write/sheet-xml.ts';
import { UsageError } from './args.ts';
import type { FileOutcome } from './check-file.ts';
import { issuesCsv } from './issues-csv.ts';
import { issuesXlsx } from './issues-xlsx.ts';
import { FileProblem } from './read-file.ts';

/**
 * `--out`: every issue of every file in one table an officer opens in Excel, filters by file or
 * level, and works down. The columns and their words are the table's; CSV and .xlsx share them.
 */

export type IssuesFormat = 'csv' | 'xlsx';

/** A cell of the table: text, a number, or empty. */
export type IssueCell = string | number | null;

export const ISSUE_COLUMNS: readonly Column[] = [
  { header: 'Tệp', kind: 'text', minWidth: 16 },
  { header: 'Trang tính', kind: 'text' },
  { header: 'Ô', kind: 'text' },
  { header: 'Dòng', kind: 'plain' },
  { header: 'Cột', kind: 'text' },
  { header: 'Mức', kind: 'text' },
  { header: 'Mã', kind: 'text' },
  { header: 'Nội dung', kind: 'text', minWidth: 40 },
  { header: 'Giá trị', kind: 'text' },
];

const LEVELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo' };
const UNREADABLE_LEVEL = 'Không đọc được';

export function issuesFormat(path: string): IssuesFormat {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw new UsageError('--out phải là tệp .csv hoặc .xlsx (must end in .csv or .xlsx)');
}

/** A value as the officer typed it; true/false spelled out (a writer would show true as a mark). */
function valueCell(v: IssueValue): IssueCell {
  return typeof v === 'boolean' ? String(v) : v;
}

function rowsOf(outcome: FileOutcome): IssueCell[][] {
  if (!('report' in outcome)) return [[outcome.file, null, null, null, null, UNREADABLE_LEVEL, null, outcome.error, null]];
  const { file, issues } = outcome.report;
  return issues.map((i) => [
    file,
    i.sheet,
    i.row !== null && i.column !== null ? `${i.column}${i.row}` : null,
    i.row,
    i.column,
    LEVELS[i.severity],
    i.code,
    i.message,
    valueCell(i.value),
  ]);
}

/** Writes the table; returns how many rows (problems) it holds. A file that cannot be written is a FileProblem. */
export async function writeIssuesFile(path: string, format: IssuesFormat, outcomes: readonly FileOutcome[]): Promise<number> {
  const rows = outcomes.flatMap(rowsOf);
  const bytes = format === 'csv' ? issuesCsv(ISSUE_COLUMNS, rows) : await issuesXlsx(ISSUE_COLUMNS, rows, new Date());
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw new FileProblem(`Không ghi được tệp ${path} (${(e as NodeJS.ErrnoException).code ?? 'lỗi'}). / Cannot write the file.`);
  }
  return rows.length;
}
