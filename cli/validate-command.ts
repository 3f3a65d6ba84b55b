import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CommunePlan } from '../shared/plans/plan.ts';
import { XUAN_HOA_2024 } from '../shared/plans/index.ts';
import { Period } from '../shared/periods.ts';
import { validateWorkbook } from '../shared/validate.ts';
import type { Lang } from '../shared/messages.ts';
import { parseArgs, UsageError } from './args.ts';
import { FileProblem, readWorkbookFile } from './read-file.ts';
import { printIssues } from './print.ts';

export const VALIDATE_USAGE =
  'gnbv validate FILE.xlsx [--plan PLAN.json] [--date YYYY-MM-DD] [--period 2024-Y] [--households FILE.xlsx] [--json] [--lang vi|en]';

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

/** `gnbv validate`: exit 0 when no error, 1 when errors, 2 when the file cannot be read (SPEC section 7). */
export async function validateCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ['plan', 'date', 'period', 'households', 'lang'], ['json']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(VALIDATE_USAGE);
  const date = args.flags.get('date');
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    throw new UsageError('--date phải có dạng YYYY-MM-DD (must be YYYY-MM-DD)');
  }
  const periodFlag = args.flags.get('period');
  const period = periodFlag === undefined ? undefined : Period.safeParse(periodFlag);
  if (period && !period.success) throw new UsageError('--period phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
  const lang: Lang = args.flags.get('lang') === 'en' ? 'en' : 'vi';
  try {
    const planPath = args.flags.get('plan');
    const plan = typeof planPath === 'string' ? await loadPlan(planPath) : XUAN_HOA_2024;
    const grids = await readWorkbookFile(file);
    const householdsPath = args.flags.get('households');
    const households = typeof householdsPath === 'string' ? await readWorkbookFile(householdsPath) : undefined;
    const result = validateWorkbook(
      grids.map((grid) => ({ grid })),
      { plan, reportDate: typeof date === 'string' ? date : undefined, period: period?.data, households, lang },
    );
    if (args.flags.has('json')) {
      out(
        JSON.stringify(
          {
            file: basename(file),
            reportDate: result.reportDate,
            period: result.period,
            rulePack: result.rulePack,
            sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, headerRows: s.headerRows, dataRows: s.dataRows, columns: s.columns })),
            issues: result.issues,
          },
          null,
          2,
        ),
      );
    } else printIssues(basename(file), result, out, lang);
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof FileProblem) {
      err(e.message);
      return 2;
    }
    throw e;
  }
}
