import { type CheckSettings, type FileOutcome, type FileReport, checkFile, isClean, isUnrecognised } from './check-file.ts';
import type { Progress } from './progress.ts';

/** The counts under a batch: the total line and the JSON's `total`. */
export interface Tally {
  files: number;
  withErrors: number;
  unreadable: number;
  /** Read, but no sheet in it recognised as a list or report. */
  unrecognised: number;
  errors: number;
  warnings: number;
}

function emptyTally(): Tally {
  return { files: 0, withErrors: 0, unreadable: 0, unrecognised: 0, errors: 0, warnings: 0 };
}

function count(tally: Tally, outcome: FileOutcome): void {
  tally.files++;
  if (!('report' in outcome)) {
    tally.unreadable++;
    return;
  }
  const errors = outcome.report.issues.filter((i) => i.severity === 'error').length;
  tally.errors += errors;
  tally.warnings += outcome.report.issues.length - errors;
  if (errors > 0) tally.withErrors++;
  if (isUnrecognised(outcome)) tally.unrecognised++;
}

/**
 * Checks the files one after another and hands each outcome on as soon as it is known (the caller
 * prints it, and keeps it only if it needs it), so only the counts stay behind.
 */
export async function checkEach(
  files: readonly string[],
  settings: CheckSettings,
  progress: Progress,
  each: (outcome: FileOutcome) => void,
): Promise<Tally> {
  const tally = emptyTally();
  for (const [i, file] of files.entries()) {
    progress.show(i + 1, file);
    const outcome = await checkFile(file, file, settings);
    progress.clear();
    count(tally, outcome);
    each(outcome);
  }
  return tally;
}

/**
 * Exit code of a batch: 2 when a file could not be read or had no list or report in it, or a
 * folder held no file; else 1 on any error.
 */
export function batchExitCode(tally: Tally, emptyFolders: number): number {
  if (tally.unreadable > 0 || tally.unrecognised > 0 || emptyFolders > 0) return 2;
  return tally.withErrors > 0 ? 1 : 0;
}

/** One entry of the batch JSON: the single-file JSON with `ok` and, for a file that could not be read, `error`. */
type BatchEntry = Omit<FileReport, 'reportDate' | 'rulePack'> & {
  ok: boolean;
  error?: string;
  reportDate: string | null;
  rulePack: string | null;
};

function entryOf(outcome: FileOutcome): BatchEntry {
  if ('report' in outcome) {
    const { file, ...rest } = outcome.report;
    return { file, ok: isClean(outcome), ...rest };
  }
  return { file: outcome.file, ok: false, error: outcome.error, reportDate: null, period: null, rulePack: null, sheets: [], issues: [] };
}

export function batchJson(outcomes: readonly FileOutcome[], total: Tally): string {
  return JSON.stringify({ files: outcomes.map(entryOf), total }, null, 2);
}
