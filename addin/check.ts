import { type ResolvedComment, resolveComments, reviewMarkTargets } from '../front/review-comments.ts';
import type { ReviewComment } from '../shared/api.ts';
import type { ColumnMapping } from '../shared/grid/grid.ts';
import type { Lang } from '../shared/messages.ts';
import { type Period, periodYear } from '../shared/periods.ts';
import type { CheckMemory } from '../shared/check-memory.ts';
import type { CommunePlan } from '../shared/plans/plan.ts';
import { type SheetInput, type WorkbookResult, readSheets, titlePeriod, validateWorkbook } from '../shared/validate.ts';
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
  /** The year when neither the pane nor a title names a period (and no default period is given). */
  defaultYear: number;
  /** The period when neither the pane nor a title names one (the pane's: today's quarter). */
  defaultPeriod?: Period;
  onProgress?: (p: ReadProgress | { phase: 'marking' }) => void;
  /** The pane's memos, kept across checks of the same workbook (see CheckMemory); else a fresh one. */
  memory?: CheckMemory;
  /** The district's comments on the period's report (issue 20); never throws (none when they cannot be read). */
  commentsFor?: (period: Period | null) => Promise<readonly ReviewComment[]>;
}

export interface CheckOutcome {
  result: WorkbookResult;
  sheets: SheetRead[];
  /** Exactly what the engine validated: each grid with the officer's saved mapping (what "Gửi" sends). */
  inputs: SheetInput[];
  /** The period validated against: chosen, else a title's, else the default; null with none of them. */
  period: Period | null;
  marks: MarkResult;
  year: number;
  /** The district's comments against the workbook as read, in their order (stale ones included). */
  review: ResolvedComment[];
}

/**
 * "Kiểm tra": read every sheet into the engine's Grid, validate with the shared engine against the
 * commune's plan, mark every issue cell. The engine alone decides what is an issue.
 */
export async function checkWorkbook(context: Excel.RequestContext, options: CheckOptions): Promise<CheckOutcome> {
  const read = await readWorkbook(context, options.onProgress ? { onProgress: options.onProgress } : {});
  const inputs: SheetInput[] = read.sheets.map(({ grid }) => {
    const mapping = options.mappings[grid.name];
    return mapping ? { grid, mapping } : { grid };
  });
  // Headers are found once: the title's period picks the plan, then the engine checks the same tables.
  const tables = readSheets(inputs, options.memory);
  const period = options.period ?? titlePeriod(tables) ?? options.defaultPeriod ?? null;
  const year = period ? periodYear(period) : options.defaultYear;
  const comments = options.commentsFor?.(period) ?? Promise.resolve([]);
  const plan = await options.planFor(year);
  const result = validateWorkbook(tables, { plan, lang: options.lang, ...(period ? { period } : {}) });
  options.onProgress?.({ phase: 'marking' });
  const review = resolveComments(await comments, read.sheets.map((s) => s.grid));
  const marks = await markIssues(context, result.issues, read.storedMarks, read.sheetNames, { notes: options.notes }, reviewMarkTargets(review, options.lang));
  return { result, sheets: read.sheets, inputs, period, marks, year, review };
}

/** Whether the workbook still holds exactly the grids the check validated (an edit since makes the check stale). */
export async function stillAsChecked(context: Excel.RequestContext, outcome: CheckOutcome): Promise<boolean> {
  const read = await readWorkbook(context);
  return JSON.stringify(read.sheets.map((s) => s.grid)) === JSON.stringify(outcome.sheets.map((s) => s.grid));
}
