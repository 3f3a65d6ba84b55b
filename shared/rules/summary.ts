import type { CellValue } from '../grid/grid.ts';
import { address } from '../grid/address.ts';
import { numberOf } from '../grid/values.ts';
import { DEPRIVATION_TITLES, SUMMARY_CATEGORIES, SUMMARY_TOTAL_LABELS } from '../kinds/summary.ts';
import type { CommunePlan, HouseholdCategory } from '../plans/plan.ts';
import { INDICATORS } from '../standards/index.ts';
import type { Table } from '../table/read-table.ts';
import { fold, foldName } from '../text/normalize.ts';
import { type FieldRef, RowCells, type SheetReport } from './context.ts';
import type { HouseholdRecord } from './households.ts';

/**
 * The commune's summary forms (shared/kinds/summary.ts), checked on their own (totals, rates,
 * counts) and, when the workbook also holds the household list, against it. One function a check.
 */

const INDICATOR_IDS: readonly string[] = INDICATORS.map((d) => d.id);
/** The columns that hold counts of households (or, for the deprivation total, of deprivations). */
const COUNT_FIELDS: readonly string[] = ['totalHouseholds', ...SUMMARY_CATEGORIES.map((c) => c.count), 'deprivationTotal', ...INDICATOR_IDS];
const TOTAL_LABELS: ReadonlySet<string> = new Set(SUMMARY_TOTAL_LABELS);
/** A subtotal ("Cộng" under a group of villages), not the table's total. */
const SUBTOTAL_LABEL = 'cong';
const ADMINISTRATIVE_PREFIX = /^(xa|phuong|thi tran)\s+/;
/** Float noise between Excel's and JavaScript's arithmetic, below any decimal a form shows. */
const FLOAT_NOISE = 1e-9;

/** A rate as the officer sees it: the number of per cent, and the decimals shown. */
interface Rate {
  percent: number;
  decimals: number;
}

/** One row of the summary as read: counts and rates that are usable (blank and unusable cells are left out). */
interface SummaryRow {
  row: number;
  /** The place column's text ("Thôn 3", "Xuân Hoà", "Tổng cộng"). */
  label: string | null;
  counts: Map<string, number>;
  rates: Map<string, Rate>;
  /** Fields whose cell is filled but unusable (a type error, a formula error …): sums over them are not checked. */
  unusable: Set<string>;
  /** The table's total row (its figures are the whole list's). */
  isTotal?: boolean;
}

/** What a summary is compared with: the household records of the same workbook, and the plan's villages. */
export interface SummaryContext {
  plan: CommunePlan;
  villages: ReadonlyMap<string, string>;
  /** The household list's records, or null when the workbook has none. */
  households: readonly HouseholdRecord[] | null;
}

export function checkSummary(table: Table, report: SheetReport, context: SummaryContext): void {
  const cells = new RowCells(table, report, table.headerRow);
  const refs = COUNT_FIELDS.concat(SUMMARY_CATEGORIES.map((c) => c.rate))
    .map((f) => cells.ref(f))
    .filter((f) => f.col > 0);
  const read = (row: number): SummaryRow => readRow(table, cells.at(row), refs);
  const { places, total } = splitRows(table, read);
  const rows = total ? [...places, total] : places;

  // Each check leaves out the cells an earlier one found wrong (one issue a cell, not a cascade):
  // a village's deprivation total, then the total row, then the rates and the list.
  for (const r of places) checkIndicatorSum(cells.at(r.row), r);
  if (total) {
    checkTotalRow(cells.at(total.row), total, places);
    checkIndicatorSum(cells.at(total.row), total);
  }
  for (const r of rows) checkRates(cells.at(r.row), r);
  if (context.households && context.households.length > 0) {
    const tally = new ListTally(context.households);
    const deprivedOf = deprivationCategory(table);
    for (const r of places) {
      const scope = placeScope(r.label, context);
      if (scope !== null) checkAgainstList(cells.at(r.row), r, scope, tally, deprivedOf);
    }
    if (total) checkAgainstList(cells.at(total.row), { ...total, isTotal: true }, ALL, tally, deprivedOf);
  }
}

/** The village rows, and the table's total row: the one total row, or the one that is not a subtotal. */
function splitRows(table: Table, read: (row: number) => SummaryRow): { places: SummaryRow[]; total: SummaryRow | null } {
  const places: SummaryRow[] = [];
  const totals: SummaryRow[] = [];
  for (const row of table.rows) {
    const r = read(row);
    // "Toàn xã" is written as a row of the table, not as a "Tổng cộng" line.
    (r.label !== null && TOTAL_LABELS.has(fold(r.label)) ? totals : places).push(r);
  }
  for (const row of table.totalRows) totals.push(read(row));
  const grand = totals.length === 1 ? totals : totals.filter((t) => t.label === null || fold(t.label) !== SUBTOTAL_LABEL);
  return { places, total: grand.length === 1 ? (grand[0] as SummaryRow) : null };
}

function readRow(table: Table, cells: RowCells, refs: readonly FieldRef[]): SummaryRow {
  const place = cells.raw('place');
  const r: SummaryRow = {
    row: cells.row,
    label: typeof place === 'string' && place.trim() !== '' ? place.trim() : firstText(cells.values),
    counts: new Map(),
    rates: new Map(),
    unusable: new Set(),
  };
  for (const f of refs) {
    const v = cells.raw(f);
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (v === undefined) {
      r.unusable.add(f.name);
      continue;
    }
    if (f.name.endsWith('Rate')) {
      const rate = rateOf(v, table.grid.numFmts?.[address(cells.row, f.col)]);
      if (rate === null) {
        cells.typeError(f, 'number');
        r.unusable.add(f.name);
      } else r.rates.set(f.name, rate);
      continue;
    }
    const n = readCount(cells, f, v);
    if (n === null) r.unusable.add(f.name);
    else r.counts.set(f.name, n);
  }
  return r;
}

/** A figure found wrong: not used by the checks after. */
function condemn(r: SummaryRow, field: string): void {
  r.counts.delete(field);
  r.rates.delete(field);
  r.unusable.add(field);
}

function firstText(values: readonly CellValue[]): string | null {
  for (const v of values) if (typeof v === 'string' && /\p{L}{2}/u.test(v)) return v.trim();
  return null;
}

/** A count is a whole number of households, not below 0 (SUM.COUNT); text that is no number is a type error. */
function readCount(cells: RowCells, f: FieldRef, v: CellValue): number | null {
  const n = numberOf(v);
  if (n !== n) {
    cells.typeError(f, 'integer');
    return null;
  }
  if (n < 0 || !Number.isInteger(n)) {
    cells.issue('SUM.COUNT', f, { params: { reason: n < 0 ? 'negative' : 'fraction' } });
    return null;
  }
  return n;
}

/**
 * The per cent a rate cell shows, and its decimals: a "0.00" format shows 2, a "0.0%" format holds a
 * fraction (0.125 shown 12.5%); without a format, the decimals the value is written with.
 */
function rateOf(v: CellValue, format: string | undefined): Rate | null {
  let text: string | null = null;
  let fraction = false;
  if (typeof v === 'string') {
    text = v.trim();
    if (text.endsWith('%')) text = text.slice(0, -1).trim();
  } else if (typeof v !== 'number') return null;
  const n = text === null ? (v as number) : numberOf(text);
  if (n !== n) return null;
  let decimals: number | null = null;
  if (format !== undefined) {
    const section = (format.split(';')[0] ?? '').replace(/"[^"]*"/g, '');
    fraction = section.includes('%');
    const shown = /\.([0#]+)/.exec(section);
    if (/[0#]/.test(section)) decimals = shown ? (shown[1] as string).length : 0;
  }
  decimals ??= text !== null ? writtenDecimals(text, n) : writtenDecimals(String(n), n);
  return { percent: fraction ? n * 100 : n, decimals };
}

function writtenDecimals(text: string, n: number): number {
  if (Number.isInteger(n)) return 0;
  if (/e/i.test(text)) return 15;
  const m = /[.,](\d+)$/.exec(text);
  return m ? Math.min((m[1] as string).length, 15) : 0;
}

function rounded(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/** SUM.TOTAL: a column's total row is not the sum of its village rows (a blank cell counts 0). */
export function checkTotalRow(cells: RowCells, total: SummaryRow, places: readonly SummaryRow[]): void {
  for (const [field, stated] of [...total.counts]) {
    if (places.some((p) => p.unusable.has(field))) continue;
    let sum = 0;
    for (const p of places) sum += p.counts.get(field) ?? 0;
    if (sum === stated) continue;
    cells.issue('SUM.TOTAL', field, { expected: sum, params: { across: 'rows', rows: places.length } });
    condemn(total, field);
  }
}

/** SUM.TOTAL on the deprivation total: "cột 2 = cột 3 + … + cột 14", the twelve indicators added up. */
export function checkIndicatorSum(cells: RowCells, r: SummaryRow): void {
  const stated = r.counts.get('deprivationTotal');
  if (stated === undefined || !INDICATOR_IDS.every((d) => cells.has(d) && !r.unusable.has(d))) return;
  let sum = 0;
  for (const d of INDICATOR_IDS) sum += r.counts.get(d) ?? 0;
  if (sum === stated) return;
  cells.issue('SUM.TOTAL', 'deprivationTotal', { expected: sum, params: { across: 'indicators' } });
  condemn(r, 'deprivationTotal');
}

/** SUM.RATE: a category's rate is not its count ÷ the total households × 100, to the decimals shown. */
export function checkRates(cells: RowCells, r: SummaryRow): void {
  const households = r.counts.get('totalHouseholds');
  if (households === undefined || households === 0) return;
  for (const { count, rate } of SUMMARY_CATEGORIES) {
    const n = r.counts.get(count);
    const shown = r.rates.get(rate);
    if (n === undefined || shown === undefined) continue;
    const exact = (n / households) * 100;
    const tolerance = 0.5 * 10 ** -shown.decimals + FLOAT_NOISE * Math.max(1, exact);
    if (Math.abs(rounded(shown.percent, shown.decimals) - exact) > tolerance) {
      cells.issue('SUM.RATE', rate, { expected: rounded(exact, shown.decimals), params: { count: n, total: households, decimals: shown.decimals } });
    }
  }
}

/** Where a row's figures point in the household list: one of the plan's villages, or all of it. */
type Scope = { village: string } | typeof ALL;
const ALL = { village: null } as const;

function placeScope(label: string | null, context: SummaryContext): Scope | null {
  if (label === null) return null;
  const village = context.villages.get(foldName(label));
  if (village !== undefined) return { village };
  const commune = foldName(context.plan.commune.name).replace(ADMINISTRATIVE_PREFIX, '');
  return foldName(label).replace(ADMINISTRATIVE_PREFIX, '') === commune ? ALL : null;
}

/** Whose deprivations the indicator columns count: the title says it ("… CỦA HỘ NGHÈO"), else the one category column. */
function deprivationCategory(table: Table): HouseholdCategory | null {
  const title = fold(table.titleLines.join(' '));
  for (const { category, words } of DEPRIVATION_TITLES) if (words.test(title)) return category;
  const present = SUMMARY_CATEGORIES.filter((c) => table.columns.has(c.count));
  return present.length === 1 ? (present[0] as (typeof SUMMARY_CATEGORIES)[number]).category : null;
}

/**
 * SUM.LIST_MISMATCH: the summary's households of a category (and, for the deprivation columns,
 * deprived on an indicator) in a village, or in all of them, differ from the list's. A category the
 * list has no household of is not compared (the workbook holds only some of the lists), nor an
 * indicator where some household of that category has no indicator columns.
 */
export function checkAgainstList(cells: RowCells, r: SummaryRow, scope: Scope, tally: ListTally, deprivedOf: HouseholdCategory | null): void {
  const place = r.label;
  const total = r.isTotal === true;
  for (const { category, count } of SUMMARY_CATEGORIES) {
    const stated = r.counts.get(count);
    if (stated === undefined || !tally.has(category)) continue;
    const listed = tally.count(scope.village, category);
    if (listed !== stated) cells.issue('SUM.LIST_MISMATCH', count, { expected: listed, params: { place, total, category, summary: stated, list: listed } });
  }
  if (deprivedOf === null) return;
  for (const { id: indicator, name: indicatorName } of INDICATORS) {
    const stated = r.counts.get(indicator);
    if (stated === undefined) continue;
    const listed = tally.deprived(scope.village, deprivedOf, indicator);
    if (listed !== null && listed !== stated) {
      cells.issue('SUM.LIST_MISMATCH', indicator, { expected: listed, params: { place, total, category: deprivedOf, indicator, indicatorName, summary: stated, list: listed } });
    }
  }
}

/**
 * The household list counted once per summary: households by village and category, and those deprived
 * on each indicator. A household of no known category is counted nowhere; one of no plan village only
 * in the whole list.
 */
export class ListTally {
  private readonly counts = new Map<string, number>();
  /** Per scope and category, the households without indicator columns: their deprivations are unknown. */
  private readonly unknown = new Map<string, number>();
  private readonly categories = new Set<HouseholdCategory>();
  private readonly withIndicators = new Set<HouseholdCategory>();

  constructor(households: readonly HouseholdRecord[]) {
    for (const h of households) {
      if (h.category === null) continue;
      this.categories.add(h.category);
      if (h.deprivations !== null) this.withIndicators.add(h.category);
      for (const village of h.planVillage === null ? [null] : [null, h.planVillage]) {
        const key = keyOf(village, h.category);
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
        if (h.deprivations === null) this.unknown.set(key, (this.unknown.get(key) ?? 0) + 1);
        else for (const d of h.deprivations) this.counts.set(`${key}\u0000${d}`, (this.counts.get(`${key}\u0000${d}`) ?? 0) + 1);
      }
    }
  }

  has(category: HouseholdCategory): boolean {
    return this.categories.has(category);
  }

  count(village: string | null, category: HouseholdCategory): number {
    return this.counts.get(keyOf(village, category)) ?? 0;
  }

  /** Households of the category deprived on the indicator, or null when the list cannot tell. */
  deprived(village: string | null, category: HouseholdCategory, indicator: string): number | null {
    const key = keyOf(village, category);
    if (!this.withIndicators.has(category) || (this.unknown.get(key) ?? 0) > 0) return null;
    return this.counts.get(`${key}\u0000${indicator}`) ?? 0;
  }
}

function keyOf(village: string | null, category: HouseholdCategory): string {
  return `${village ?? ''}\u0000${category}`;
}
