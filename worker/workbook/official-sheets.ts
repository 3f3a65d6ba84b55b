import { POVERTY_REASONS } from '../../shared/kinds/reasons.ts';
import { type AnalysedCategory, type DeprivationFigures, deprivationTotal, type DistrictFigures, isEthnicMinority, type SummaryFigures } from '../../shared/report/index.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { type Cell, type Column, type SheetLayout, SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { SheetContext, WrittenSheet } from './analysis-sheets.ts';
import {
  CATEGORY_NAMES,
  COMMUNE,
  GENDER_NAMES,
  INDICATOR_SHORT_NAMES,
  NOTES,
  OFFICIAL,
  OFFICIAL_NOTES,
  OFFICIAL_SIGNATURE,
  officialHeading,
  officialSubtitle,
  officialTitle,
  SHEET_NAMES,
  type SheetId,
  STT,
  TOTAL,
  UNITS,
} from './labels.ts';

/**
 * The official review forms' sheets (docs/official-forms-research.md §4, §5): the heading of the
 * people's committee and the national motto, the form's title, headers and numbering row, the
 * signatures. Every figure comes from shared/report; this file only lays them out.
 */

/** A sheet in the official forms' frame: heading, title, the period in the subtitle, the numbering row. */
export function officialSheet(
  id: SheetId,
  ctx: SheetContext,
  columns: readonly Column[],
  numbering: readonly (string | number)[],
  unit: string,
  more: Partial<SheetLayout> = {},
): SheetXml {
  return new SheetXml({
    name: SHEET_NAMES[id],
    heading: officialHeading(ctx.region),
    title: officialTitle(id),
    subtitle: officialSubtitle(ctx.period, ctx.generatedAt, unit),
    columns,
    numbering,
    ...more,
  });
}

/** After the table: the notes, then the preparer's and the people's committee's signatures. */
export function officialClosing(sheet: SheetXml, notes: readonly string[]): string {
  let xml = notes.length > 0 ? sheet.gap() : '';
  for (const n of notes) xml += sheet.note(n);
  const s = OFFICIAL_SIGNATURE;
  return xml + sheet.signature(s.place, s.preparer, s.head, s.preparerHint, s.headHint) + sheet.end();
}

function render(sheet: SheetXml, rows: readonly Cell[][], totals: readonly Cell[], notes: readonly string[]): WrittenSheet {
  let xml = '';
  for (const r of rows) xml += sheet.row(r, 'data');
  sheet.endTable();
  xml += sheet.row(totals, 'total');
  return { xml: xml + officialClosing(sheet, notes), sheet };
}

/** "A", "B", then the numbers from 1; a formula text where the form gives one. */
function numberingRow(letters: number, count: number, formulas: Readonly<Record<number, string>> = {}): string[] {
  const lettersRow = Array.from({ length: letters }, (_, i) => String.fromCharCode(65 + i));
  return [...lettersRow, ...Array.from({ length: count }, (_, i) => formulas[i + 1] ?? String(i + 1))];
}

// ── Tổng hợp kết quả rà soát (report 1, the columns GNBV has figures for) ──────────────────────

const G_POOR = CATEGORY_NAMES.poor;
const G_NEAR = CATEGORY_NAMES.nearPoor;
const G_ESC = CATEGORY_NAMES.newlyEscaped;

const SUMMARY_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: OFFICIAL.households, group: OFFICIAL.totalHouseholds, kind: 'count' },
  { header: OFFICIAL.households, group: G_POOR, kind: 'count' },
  { header: OFFICIAL.rate, group: G_POOR, kind: 'percentNumber' },
  { header: OFFICIAL.households, group: G_NEAR, kind: 'count' },
  { header: OFFICIAL.rate, group: G_NEAR, kind: 'percentNumber' },
  { header: OFFICIAL.households, group: G_ESC, kind: 'count' },
  { header: OFFICIAL.rate, group: G_ESC, kind: 'percentNumber' },
];
const SUMMARY_NUMBERING = numberingRow(2, 7, { 3: '3=2/1*100', 5: '5=4/1*100', 7: '7=6/1*100' });

function summaryValues(s: SummaryFigures): Cell[] {
  return [s.totalHouseholds, s.poor, s.poorRate, s.nearPoor, s.nearPoorRate, s.newlyEscaped, s.newlyEscapedRate];
}

export function officialSummarySheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const sheet = officialSheet('officialSummary', ctx, SUMMARY_COLUMNS, SUMMARY_NUMBERING, UNITS.households, { freezeColumns: 2, tabSelected: true });
  const rows = f.communes.map((c, i): Cell[] => [i + 1, c.name, ...summaryValues(c.summary)]);
  return render(sheet, rows, [null, TOTAL, ...summaryValues(f.totals.summary)], [OFFICIAL_NOTES.summary, NOTES.blank]);
}

// ── Phân tích các chỉ số thiếu hụt (reports 4 and 6) ────────────────────────────────────────────

function deprivationColumns(category: AnalysedCategory): Column[] {
  return [
    { header: STT, kind: 'plain' },
    { header: COMMUNE, kind: 'text', minWidth: 12 },
    { header: OFFICIAL.categoryTotal[category], kind: 'count' },
    { header: OFFICIAL.deprivationTotal, kind: 'count' },
    ...INDICATORS.map((d): Column => {
      const header = INDICATOR_SHORT_NAMES[d.id];
      if (header === undefined) throw new Error(`workbook: no short name for indicator ${d.id}`);
      return { header, group: OFFICIAL.deprivationGroup, kind: 'count' };
    }),
  ];
}
const DEPRIVATION_COLUMNS: Readonly<Record<AnalysedCategory, Column[]>> = { poor: deprivationColumns('poor'), nearPoor: deprivationColumns('nearPoor') };
const DEPRIVATION_NUMBERING = numberingRow(2, 2 + INDICATORS.length);

function deprivationValues(d: DeprivationFigures): Cell[] {
  return [d.households, deprivationTotal(d), ...d.deprived];
}

export function officialDeprivationsSheet(category: AnalysedCategory, f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const id: SheetId = category === 'poor' ? 'poorDeprivations' : 'nearPoorDeprivations';
  const at = category === 'poor' ? 0 : 1;
  const sheet = officialSheet(id, ctx, DEPRIVATION_COLUMNS[category], DEPRIVATION_NUMBERING, UNITS.households, { freezeColumns: 2 });
  const rows = f.communes.map((c, i): Cell[] => [i + 1, c.name, ...deprivationValues(c.deprivations[at])]);
  return render(sheet, rows, [null, TOTAL, ...deprivationValues(f.totals.deprivations[at])], [OFFICIAL_NOTES.deprivations]);
}

// ── Danh sách hộ (research §4.1: one row a household) ──────────────────────────────────────────

/** A household list of the official layout: its columns, and a household's row (with its number in the sheet). */
export interface ListSheet {
  columns: readonly Column[];
  values(h: HouseholdRecord, seq: number, communeName: string): Cell[];
}

const L = OFFICIAL.list;

/** The columns both lists open with: who the household is and where it lives. */
const PERSON_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: L.householdCode, kind: 'text' },
  { header: L.headName, kind: 'text', minWidth: 18 },
  { header: L.birthYear, kind: 'plain' },
  { header: L.gender, kind: 'text' },
  { header: L.idNumber, kind: 'text', minWidth: 13 },
  { header: L.ethnicity, kind: 'text' },
  { header: COMMUNE, kind: 'text' },
  { header: L.village, kind: 'text' },
  { header: L.size, kind: 'count' },
];

function personValues(h: HouseholdRecord, seq: number, communeName: string): Cell[] {
  return [
    seq,
    h.householdCode,
    h.headName,
    h.headBirthYear,
    h.headGender === null ? null : GENDER_NAMES[h.headGender],
    h.idNumber,
    h.ethnicity,
    communeName,
    // The plan's spelling where the village matched it: the spelling the level above knows.
    h.planVillage ?? h.village,
    h.size,
  ];
}

function reasonsText(reasons: readonly string[]): string | null {
  if (reasons.length === 0) return null;
  const marked = new Set(reasons);
  const names = POVERTY_REASONS.filter((r) => marked.has(r.id)).map((r) => r.name);
  return names.length === 0 ? null : names.join(OFFICIAL.reasonSeparator);
}

/** DS hộ nghèo, cận nghèo. */
export const POOR_LIST: ListSheet = {
  columns: [
    ...PERSON_COLUMNS,
    { header: L.category, kind: 'text', minWidth: 14 },
    { header: L.b1Score, kind: 'count' },
    { header: L.b2Score, kind: 'count' },
    { header: L.ethnicMinority, kind: 'mark' },
    { header: L.noWorkCapacity, kind: 'mark' },
    { header: L.meritFamily, kind: 'mark' },
    { header: L.reasons, kind: 'text', minWidth: 16 },
    { header: L.note, kind: 'text' },
  ],
  values(h, seq, communeName) {
    return [
      ...personValues(h, seq, communeName),
      h.category === null ? null : CATEGORY_NAMES[h.category],
      h.b1Score,
      h.b2Score,
      isEthnicMinority(h.ethnicity) === true,
      h.noWorkCapacity,
      h.meritFamily,
      reasonsText(h.reasons),
      null,
    ];
  },
};

/** DS hộ thoát nghèo: no category column, the title says it. */
export const ESCAPED_LIST: ListSheet = {
  columns: [...PERSON_COLUMNS, { header: L.escapedYear, kind: 'plain' }, { header: L.note, kind: 'text' }],
  values(h, seq, communeName) {
    return [...personValues(h, seq, communeName), h.escapedYear, null];
  },
};

/** The lists' numbering row: 1, 2, 3 … under every column. */
export function listNumbering(list: ListSheet): number[] {
  return list.columns.map((_, i) => i + 1);
}
