import type { Grid } from '../shared/grid/grid.ts';
import { type Issue, hasErrors } from '../shared/issues.ts';
import type { Lang } from '../shared/messages.ts';
import type { Period } from '../shared/periods.ts';
import type { CommunePlan } from '../shared/plans/plan.ts';
import { type SheetSummary, validateWorkbook } from '../shared/validate.ts';
import { FileProblem, readWorkbookFile } from './read-file.ts';

/** What every file of one `gnbv validate` is checked with: the flags, read once. */
export interface CheckSettings {
  plan: CommunePlan;
  reportDate: string | undefined;
  period: Period | undefined;
  households: Grid[] | undefined;
  lang: Lang;
}

export type ReportedSheet = Omit<SheetSummary, 'period'>;

/** One file's findings: the JSON of SPEC section 7. */
export interface FileReport {
  file: string;
  reportDate: string;
  period: Period | null;
  rulePack: string;
  sheets: ReportedSheet[];
  issues: Issue[];
}

/** A file checked, or the one line that says why it could not be read (naming it as shown). */
export type FileOutcome = { report: FileReport } | { file: string; error: string };

/**
 * Read and check one file. Only the report is kept: the grids and the engine's records are
 * dropped when this returns, so a folder of files costs one file's memory at a time.
 * `name` is the report's `file`; a read error names `path`, as given.
 */
export async function checkFile(path: string, name: string, settings: CheckSettings): Promise<FileOutcome> {
  let grids: Grid[];
  try {
    grids = await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileProblem) return { file: name, error: e.message };
    throw e;
  }
  const result = validateWorkbook(
    grids.map((grid) => ({ grid })),
    { plan: settings.plan, reportDate: settings.reportDate, period: settings.period, households: settings.households, lang: settings.lang },
  );
  return {
    report: {
      file: name,
      reportDate: result.reportDate,
      period: result.period,
      rulePack: result.rulePack,
      sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, headerRows: s.headerRows, dataRows: s.dataRows, columns: s.columns })),
      issues: result.issues,
    },
  };
}

/**
 * Read, but no sheet recognised as a list or report: the checker has nothing to vouch for, so the
 * file is never called clean (exit 2, like a file it cannot read).
 */
export function isUnrecognised(outcome: FileOutcome): boolean {
  return 'report' in outcome && !outcome.report.sheets.some((s) => s.kind !== null);
}

/** Read, and no error among the issues. */
export function isClean(outcome: FileOutcome): boolean {
  return 'report' in outcome && !hasErrors(outcome.report.issues);
}
