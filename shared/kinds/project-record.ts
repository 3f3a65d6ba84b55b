import { fieldHeader } from '../messages/workbook-text.ts';
import type { Cell, Column, RowContext } from './kind.ts';
import { SOURCE_COLUMNS } from './source-columns.ts';

/** The sub-project's name beside its code, from the commune's plan (also the Dự án sheet's). */
export const PROJECT_NAME = 'Tên dự án, tiểu dự án';

/** A record of one sub-project (a beneficiary, a progress line): where its row comes from, and the sub-project. */
interface ProjectRecord {
  sheet: string;
  row: number;
  project: string | null;
}

/** The first columns of a merged sheet of sub-project records: the source columns, the sub-project's code and name. */
export const PROJECT_RECORD_COLUMNS: readonly Column[] = [
  ...SOURCE_COLUMNS,
  { header: fieldHeader('projectCode'), kind: 'text' },
  { header: PROJECT_NAME, kind: 'text' },
];

/** The cells under PROJECT_RECORD_COLUMNS, then `rest`. */
export function projectRecordCells(record: ProjectRecord, { communeName, projectName }: RowContext, ...rest: Cell[]): Cell[] {
  return [communeName, record.sheet, record.row, record.project, projectName(record.project), ...rest];
}
