import { CheckMemory } from './check-memory.ts';
import type { ColumnMapping, Grid } from './grid/grid.ts';
import { type Finding, type Issue, hasErrors } from './issues.ts';
import { type Lang, withText } from './messages.ts';
import { type Period, periodLastDay } from './periods.ts';
import type { CommunePlan } from './plans/plan.ts';
import { type RulePack, rulePackFor } from './standards/index.ts';
import { type ReadResult, type Table, mappingOf, readTable } from './table/read-table.ts';
import { type TableKind, isSheetKind } from './sheet-kind.ts';
import { type RuleEnv, SheetReport } from './rules/context.ts';
import { type HouseholdRecord, checkHouseholds, villageIndex } from './rules/households.ts';
import { fieldsGivenByLayout, householdLayout } from './rules/household-layout.ts';
import { type BeneficiaryRecord, HouseholdIndex, type SeenPeople, checkBeneficiaries } from './rules/beneficiaries.ts';
import { type ProgressRecord, checkProgress } from './rules/progress.ts';
import { checkSummary } from './rules/summary.ts';
import { projectFromTitle } from './plans/resolve-project.ts';
import { KIND_REGISTRY } from './kinds/registry.ts';

export interface SheetInput {
  grid: Grid;
  /** The officer's saved column mapping for this sheet, if any. */
  mapping?: ColumnMapping;
}

export interface ValidateOptions {
  plan: CommunePlan;
  /** YYYY-MM-DD; wins over a period (the CLI's --date). */
  reportDate?: string;
  /** The period chosen by the officer; else the one a title names. */
  period?: Period;
  /** Household lists from elsewhere (--households, or the commune's latest accepted list) for cross-sheet checks. */
  households?: readonly Grid[];
  lang?: Lang;
  /**
   * Keep the household records while checking, for a caller that will read them (the Worker stores
   * them). Without it a check builds none, and `households` builds them on its first read: the
   * same records either way, only the cost moves.
   */
  keepRecords?: boolean;
  /**
   * The memos to check with (see CheckMemory): a caller that checks the same workbook again and
   * again (the task pane) keeps one across checks. Else the one readSheets made, else a new one.
   */
  memory?: CheckMemory;
}

export interface SheetSummary {
  name: string;
  /** A summary table is checked but has nothing to submit (see TableKind). */
  kind: TableKind | null;
  headerRow: number | null;
  headerRows: number | null;
  columns: Record<string, string>;
  dataRows: number;
  period: Period | null;
}

export interface WorkbookResult {
  sheets: SheetSummary[];
  issues: Issue[];
  reportDate: string;
  period: Period | null;
  rulePack: string;
  /**
   * Every household row of every household sheet: kept during the check with `keepRecords` (or when
   * beneficiaries are checked against them), else built again from the sheets on the first read.
   */
  readonly households: HouseholdRecord[];
  beneficiaries: BeneficiaryRecord[];
  progress: ProgressRecord[];
  /** The records of each kind checked by its own rules (its definition's `check`, shared/kinds/kind.ts); absent when no kind is. */
  checked?: Readonly<Record<string, readonly unknown[]>>;
  ok: boolean;
}

const REPORT_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every sheet read into its table (header detection, column mapping, title), as validateWorkbook checks it. */
export interface SheetsRead {
  readonly sheets: readonly { readonly input: SheetInput; readonly result: ReadResult }[];
  /** The memos the sheets were read with, for validateWorkbook to go on with. */
  readonly memory: CheckMemory;
}

/**
 * Header detection of every sheet, for a caller that needs the title's period before it can
 * validate (the plan is the period's year's): pass the result on to validateWorkbook, which then
 * reads nothing again.
 */
export function readSheets(sheets: readonly SheetInput[], memory: CheckMemory = new CheckMemory()): SheetsRead {
  return { sheets: sheets.map((input) => ({ input, result: readTable(input.grid, input.mapping, memory) })), memory };
}

/** The period the titles name ("NĂM 2024", "QUÝ II NĂM 2024"): the first table's, in sheet order, that names one. */
export function titlePeriod(read: SheetsRead): Period | null {
  for (const { result } of read.sheets) if (result.ok && result.table.period !== null) return result.table.period;
  return null;
}

/** grid(s) + plan + pack → issues: the one entry point every part calls (SPEC section 4). */
export function validateWorkbook(sheets: readonly SheetInput[] | SheetsRead, options: ValidateOptions): WorkbookResult {
  const sheetsRead = 'sheets' in sheets ? sheets : readSheets(sheets, options.memory);
  const memory = options.memory ?? sheetsRead.memory;
  const read = sheetsRead.sheets;
  const tables = read.flatMap((r) => (r.result.ok ? [r.result.table] : []));
  const period = options.period ?? titlePeriod(sheetsRead);
  const reportDate =
    options.reportDate && REPORT_DATE.test(options.reportDate)
      ? options.reportDate
      : period
        ? periodLastDay(period)
        : `${options.plan.year}-12-31`;
  const reportYear = Number(reportDate.slice(0, 4));
  const pack: RulePack = rulePackFor(reportYear, options.plan.standardOverride);
  const env: RuleEnv = { plan: options.plan, pack, reportDate, reportYear, memory };

  const reports = new Map<Table, SheetReport>();
  const reportFor = (t: Table): SheetReport => {
    let r = reports.get(t);
    if (!r) {
      r = new SheetReport(t.grid.name, env);
      reports.set(t, r);
    }
    return r;
  };
  const villages = villageIndex(options.plan.villages, memory);
  const sheetLevel = (t: Table, r: SheetReport): void => {
    // A household list may give its category by its title, its village by group rows or an address, its size by member rows.
    const given = t.kind === 'households' ? fieldsGivenByLayout(householdLayout(t, villages), t) : null;
    for (const field of t.spec.required) {
      if (field === 'project' && t.kind === 'beneficiaries') continue; // may come from the title
      if (given?.has(field)) continue;
      if (!t.columns.has(field) && !(field === 'category' && [...t.columns.keys()].some((f) => f.startsWith('category.')))) {
        r.add({ code: 'SHEET.MISSING_COLUMN', row: null, column: null, field, value: null });
      }
    }
    for (const group of t.spec.requiredOneOf ?? []) {
      if (!group.some((f) => t.columns.has(f))) r.add({ code: 'SHEET.MISSING_COLUMN', row: null, column: null, field: group.join('|'), value: null });
    }
    if (t.rows.length === 0) r.add({ code: 'SHEET.NO_ROWS', row: null, column: null, field: null, value: null });
  };
  for (const t of tables) sheetLevel(t, reportFor(t));

  // Households first: the other kinds are checked against them.
  const householdTables = tables.filter((t) => t.kind === 'households');
  const needsIndex = tables.some((t) => t.kind === 'beneficiaries');
  const summaryTables = tables.filter((t) => t.kind === 'summary');
  const kept: HouseholdRecord[] | null = options.keepRecords || needsIndex || summaryTables.length > 0 ? [] : null;
  for (const t of householdTables) checkHouseholds(t, reportFor(t), kept ?? undefined);
  let index: HouseholdIndex | null = needsIndex && kept !== null && kept.length > 0 ? new HouseholdIndex(kept, memory) : null;
  if (needsIndex && !index && options.households && options.households.length > 0) {
    const external: HouseholdRecord[] = [];
    for (const grid of options.households) {
      const r = readTable(grid, undefined, memory);
      if (r.ok && r.table.kind === 'households') checkHouseholds(r.table, new SheetReport(grid.name, env), external);
    }
    if (external.length > 0) index = new HouseholdIndex(external, memory);
  }

  const seen: SeenPeople = new Map();
  const beneficiaries = joined(
    tables
      .filter((t) => t.kind === 'beneficiaries')
      .map((t) => {
        const r = reportFor(t);
        if (!t.columns.has('project') && !projectNamedInTitle(t, options.plan)) {
          r.add({ code: 'SHEET.MISSING_COLUMN', row: null, column: null, field: 'project', value: null });
        }
        return checkBeneficiaries(t, r, index, seen);
      }),
  );
  const perProject = new Map<string, number>();
  for (const b of beneficiaries) if (b.project) perProject.set(b.project, (perProject.get(b.project) ?? 0) + 1);

  const progress = joined(tables.filter((t) => t.kind === 'progress').map((t) => checkProgress(t, reportFor(t), perProject)));

  // The summary forms against the household list of this workbook only: a list from elsewhere may be of another date.
  for (const t of summaryTables) checkSummary(t, reportFor(t), { plan: options.plan, villages, households: householdTables.length > 0 ? kept : null });

  // Kinds whose rules stand alone, after the others: each on its own tables.
  const checked: Record<string, unknown[]> = {};
  for (const kind of KIND_REGISTRY) {
    const check = kind.check;
    if (check) checked[kind.id] = joined(tables.filter((t) => t.kind === kind.id).map((t) => check(t, reportFor(t), env)));
  }

  // The findings get their words here, as they leave the engine: nowhere before.
  const lang = options.lang ?? 'vi';
  const issues: Issue[] = [];
  // A workbook in which no table was recognised, or with no worksheet at all (only chart sheets,
  // say), is an error: a checker must never call it clean. Summary tables alone are checked, but
  // there is still nothing to submit.
  if (!tables.some((t) => isSheetKind(t.kind))) {
    const r = new SheetReport(summaryTables[0]?.grid.name ?? read[0]?.input.grid.name ?? '', env);
    const params = summaryTables.length > 0 ? { summaryOnly: true } : undefined;
    r.add({ code: 'SHEET.UNKNOWN_KIND', row: null, column: null, field: null, value: null, params });
    for (const finding of r.issues) issues.push(withText(finding, lang));
  }
  // Issues in workbook order: sheet by sheet, sheet-level first, then by row and column.
  for (const { result } of read) {
    if (!result.ok) continue;
    const r = reports.get(result.table);
    if (r) for (const finding of sortIssues(r.issues)) issues.push(withText(finding, lang));
  }

  const summaries: SheetSummary[] = read.map(({ input, result }) => {
    if (!result.ok) return { name: input.grid.name, kind: null, headerRow: null, headerRows: null, columns: {}, dataRows: 0, period: null };
    const m = mappingOf(result.table);
    return {
      name: input.grid.name,
      kind: result.table.kind,
      headerRow: m.headerRow,
      headerRows: m.headerRows ?? 1,
      columns: m.columns,
      dataRows: result.table.rows.length,
      period: result.table.period,
    };
  });

  const others = Object.keys(checked).length > 0 ? { checked } : {};
  const result = { sheets: summaries, issues, reportDate, period, rulePack: pack.id, beneficiaries, progress, ...others, ok: !hasErrors(issues) };
  return withHouseholds(result, kept, () => {
    // The same rules on the same sheets give the same records; their issues are already reported.
    const records: HouseholdRecord[] = [];
    for (const t of householdTables) checkHouseholds(t, new SheetReport(t.grid.name, env), records);
    return records;
  });
}

/**
 * `households` is an own, enumerable property (spreading and JSON.stringify see it) whose records
 * are the ones kept during the check, or built again from the sheets on the first read.
 */
function withHouseholds(
  result: Omit<WorkbookResult, 'households'>,
  kept: HouseholdRecord[] | null,
  build: () => HouseholdRecord[],
): WorkbookResult {
  let records = kept;
  return Object.defineProperty(result, 'households', {
    enumerable: true,
    get: (): HouseholdRecord[] => (records ??= build()),
  }) as WorkbookResult;
}

/** One list from the sheets' lists; the only list as it is (no copy of 100,000 records). */
function joined<T>(lists: T[][]): T[] {
  if (lists.length === 1) return lists[0] as T[];
  const all: T[] = [];
  // A loop, not push(...list): a 100,000-row list would overflow the call stack as arguments.
  for (const list of lists) for (const item of list) all.push(item);
  return all;
}

function projectNamedInTitle(t: Table, plan: CommunePlan): boolean {
  return projectFromTitle(plan, t.titleLines) !== null;
}

function columnOrder(letters: string | null): number {
  if (letters === null) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function sortIssues<T extends Finding>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOrder(a.column) - columnOrder(b.column));
}

