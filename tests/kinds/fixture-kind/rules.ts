import type { CellValue } from '../../../shared/grid/grid.ts';
import type { SheetReport } from '../../../shared/rules/context.ts';
import type { Table } from '../../../shared/table/read-table.ts';

export interface TraineeRecord {
  sheet: string;
  row: number;
  trainee: string | null;
  course: string | null;
  sessions: number | null;
}

function text(v: CellValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** Its rules: each row a trainee of a course; a row without the trainee's name is an error, a number of sessions must be a whole number. */
export function checkTrainings(table: Table, report: SheetReport): TraineeRecord[] {
  const records: TraineeRecord[] = [];
  const at = (row: number, field: string): CellValue | undefined => {
    const column = table.columns.get(field);
    return column === undefined ? undefined : table.grid.rows[row - 1]?.[column - 1];
  };
  for (const row of table.rows) {
    const trainee = text(at(row, 'trainee'));
    const sessionsCell = at(row, 'sessions');
    const sessions = typeof sessionsCell === 'number' && Number.isInteger(sessionsCell) ? sessionsCell : null;
    if (trainee === null) report.add({ code: 'CELL.REQUIRED', row, column: table.columns.get('trainee') ?? null, field: 'trainee', value: null });
    if (sessions === null && text(sessionsCell) !== null) {
      report.add({ code: 'CELL.TYPE', row, column: table.columns.get('sessions') ?? null, field: 'sessions', value: text(sessionsCell), expected: 'integer' });
    }
    records.push({ sheet: table.grid.name, row, trainee, course: text(at(row, 'course')), sessions });
  }
  return records;
}
