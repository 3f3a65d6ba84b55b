import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CommunePlan } from '../shared/plans/plan.ts';
import { XUAN_HOA_2024 } from '../shared/plans/index.ts';
import { Period } from '../shared/periods.ts';
import type { Lang } from '../shared/messages.ts';
import { parseArgs, UsageError } from './args.ts';
import { batchExitCode, batchJson, checkEach } from './batch.ts';
import { type CheckSettings, type FileOutcome, checkFile, isClean, isUnrecognised } from './check-file.ts';
import { findWorkbooks, isFolder, WORKBOOK_KINDS } from './find-workbooks.ts';
import { type IssuesFormat, issuesFormat, writeIssuesFile } from './issues-file.ts';
import { FileProblem, readWorkbookFile } from './read-file.ts';
import { noWorkbookLine, printIssues, summaryLine, totalLine, writtenLine } from './print.ts';
import { progressLine } from './progress.ts';

export const VALIDATE_USAGE =
  'gnbv validate FILE.xlsx|FOLDER ... [--plan PLAN.json] [--date YYYY-MM-DD] [--period 2024-Y] [--households FILE.xlsx] [--json] [--out ISSUES.xlsx|ISSUES.csv] [--lang vi|en]';

type Print = (s: string) => void;

async function loadPlan(path: string): Promise<CommunePlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new FileProblem(`Không đọc được tệp kế hoạch ${path}. / Cannot read the plan file.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FileProblem(`Tệp kế hoạch ${path} không phải JSON hợp lệ. / The plan file is not valid JSON.`);
  }
  const parsed = CommunePlan.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FileProblem(`Tệp kế hoạch ${path} sai ở "${first?.path.join('.') ?? ''}": ${first?.message ?? ''}`);
  }
  return parsed.data;
}

/** --out, checked before any file is read: a wrong name should not cost a folder's checking. */
function outTarget(flag: string | true | undefined, files: readonly string[]): { path: string; format: IssuesFormat } | undefined {
  if (typeof flag !== 'string') return undefined;
  const format = issuesFormat(flag);
  if (files.some((f) => resolve(f) === resolve(flag))) throw new UsageError(`--out ${flag} là một tệp cần kiểm tra: sẽ bị ghi đè. / --out would overwrite a file being checked.`);
  return { path: flag, format };
}

/** One file: the output of the first version of the command, unchanged (SPEC section 7). */
async function validateOne(file: string, settings: CheckSettings, json: boolean, out: Print, err: Print): Promise<{ code: number; outcome: FileOutcome }> {
  const outcome = await checkFile(file, basename(file), settings);
  if (!('report' in outcome)) {
    err(outcome.error);
    return { code: 2, outcome };
  }
  if (json) out(JSON.stringify(outcome.report, null, 2));
  else printIssues(outcome.report.file, outcome.report, out, settings.lang);
  return { code: isUnrecognised(outcome) ? 2 : isClean(outcome) ? 0 : 1, outcome };
}

/** Several files or folders: one line per file as it is checked, then the total (or one JSON at the end). */
async function validateMany(
  args: readonly string[],
  skip: string | undefined,
  settings: CheckSettings,
  json: boolean,
  out: Print,
  err: Print,
): Promise<{ code: number; outcomes: FileOutcome[] }> {
  const { files, emptyFolders } = await findWorkbooks(args, skip);
  for (const folder of emptyFolders) err(noWorkbookLine(folder, WORKBOOK_KINDS));
  if (files.length === 0) return { code: 2, outcomes: [] };
  // Kept only for what needs every file at the end: the JSON, the --out table.
  const kept: FileOutcome[] = [];
  const keep = json || skip !== undefined;
  const total = await checkEach(files, settings, progressLine(process.stderr, files.length), (outcome) => {
    if (!json) out(summaryLine(outcome, settings.lang));
    if (keep) kept.push(outcome);
  });
  if (json) out(batchJson(kept, total));
  else out(totalLine(total, settings.lang));
  return { code: batchExitCode(total, emptyFolders.length), outcomes: kept };
}

/**
 * `gnbv validate`: exit 0 when no error, 1 when errors, 2 when a file cannot be read or holds no
 * list or report GNBV recognises (SPEC section 7).
 * One file prints its report; several files or a folder print a line per file and a total.
 */
export async function validateCommand(argv: readonly string[], out: Print, err: Print): Promise<number> {
  const args = parseArgs(argv, ['plan', 'date', 'period', 'households', 'lang', 'out'], ['json']);
  const paths = args.positional;
  if (paths.length === 0) throw new UsageError(VALIDATE_USAGE);
  const date = args.flags.get('date');
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    throw new UsageError('--date phải có dạng YYYY-MM-DD (must be YYYY-MM-DD)');
  }
  const periodFlag = args.flags.get('period');
  const period = periodFlag === undefined ? undefined : Period.safeParse(periodFlag);
  if (period && !period.success) throw new UsageError('--period phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
  const lang: Lang = args.flags.get('lang') === 'en' ? 'en' : 'vi';
  const target = outTarget(args.flags.get('out'), paths);
  const json = args.flags.has('json');
  try {
    const planPath = args.flags.get('plan');
    const householdsPath = args.flags.get('households');
    const settings: CheckSettings = {
      plan: typeof planPath === 'string' ? await loadPlan(planPath) : XUAN_HOA_2024,
      reportDate: typeof date === 'string' ? date : undefined,
      period: period?.data,
      // Read once, for every file.
      households: typeof householdsPath === 'string' ? await readWorkbookFile(householdsPath) : undefined,
      lang,
    };
    const [first] = paths;
    const { code, outcomes } =
      paths.length === 1 && first !== undefined && !(await isFolder(first))
        ? await validateOne(first, settings, json, out, err).then((r) => ({ code: r.code, outcomes: [r.outcome] }))
        : await validateMany(paths, target?.path, settings, json, out, err);
    if (target && outcomes.length > 0) {
      const rows = await writeIssuesFile(target.path, target.format, outcomes);
      // Beside --json the note goes to stderr: stdout stays one JSON document.
      (json ? err : out)(writtenLine(rows, target.path, lang));
    }
    return code;
  } catch (e) {
    if (e instanceof FileProblem) {
      err(e.message);
      return 2;
    }
    throw e;
  }
}
