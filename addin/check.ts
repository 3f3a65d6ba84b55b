import type { ColumnMapping } from '../shared/grid/grid.ts';
import type { Lang } from '../shared/messages.ts';
import { type Period, periodYear } from '../shared/periods.ts';
import type { CommunePlan } from '../shared/plans/plan.ts';
import { readTable } from '../shared/table/read-table.ts';
import { type WorkbookResult, validateWorkbook } from '../shared/validate.ts';
import { type MarkOptions, type MarkResult, markIssues } from './excel/marks.ts';
import { type ReadProgress, type SheetRead, readWorkbook } from './excel/read-workbook.ts';

export interface CheckOptions extends MarkOptions {
  lang: Lang;
  /** The period chosen in the pane; else the one a sheet title names. */
  period?: Period;
  /** Saved column mappings by sheet name. */
  mappings: Readonly<Record<string, ColumnMapping>>;
  /** The plan for a year (fetched, cached or the demo), asked once the workbook has been read. */
  planFor: (year: number) => Promise<CommunePlan>;
  /** The year when neither the pane nor a title names one. */
  defaultYear: number;
  onProgress?: (p: ReadProgress | { phase: 'marking' }) => void;
}

export interface CheckOutcome {
  result: WorkbookResult;
  sheets: SheetRead[];
  marks: MarkResult;
  year: number;
}

/** The year to fetch the plan for: the chosen period's, else the first title period's. */
export function reportYear(sheets: readonly SheetRead[], mappings: Readonly<Record<string, ColumnMapping>>, period: Period | undefined, fallback: number): number {
  if (period) return periodYear(period);
  for (const { grid } of sheets) {
    const mapping = mappings[grid.name];
    const read = readTable(grid, mapping);
    if (read.ok && read.table.period) return periodYear(read.table.period);
  }
  return fallback;
}

/**
 * "Kiểm tra": read every sheet into the engine's Grid, validate with the shared engine against the
 * commune's plan, mark every issue cell. The engine alone decides what is an issue.
 */
export async function checkWorkbook(context: Excel.RequestContext, options: CheckOptions): Promise<CheckOutcome> {
  const read = await readWorkbook(context, options.onProgress ? { onProgress: options.onProgress } : {});
  const year = reportYear(read.sheets, options.mappings, options.period, options.defaultYear);
  const plan = await options.planFor(year);
  const result = validateWorkbook(
    read.sheets.map(({ grid }) => {
      const mapping = options.mappings[grid.name];
      return mapping ? { grid, mapping } : { grid };
    }),
    { plan, lang: options.lang, ...(options.period ? { period: options.period } : {}) },
  );
  options.onProgress?.({ phase: 'marking' });
  const marks = await markIssues(context, result.issues, read.storedMarks, read.sheetNames, { notes: options.notes });
  return { result, sheets: read.sheets, marks, year };
}
