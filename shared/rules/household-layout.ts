import type { CellValue } from '../grid/grid.ts';
import type { HouseholdCategory } from '../plans/plan.ts';
import { INDICATORS } from '../standards/index.ts';
import { POVERTY_REASONS } from '../kinds/reasons.ts';
import type { Table } from '../table/read-table.ts';
import { fold, foldName } from '../text/normalize.ts';

/**
 * How a household list is laid out beyond its columns, as the official review forms and the
 * national software's exports do it (docs/official-forms-research.md §4): the category named by
 * the title, the village given by group rows, and one row per person under the head's row.
 */
export interface HouseholdLayout {
  /** "DANH SÁCH HỘ THOÁT NGHÈO …": every household of the sheet is of this category. */
  titleCategory: HouseholdCategory | null;
  /** Where the sheet has no village column: the group rows naming a village, in order. */
  sections: readonly VillageSection[];
  /** The sheet lists members under each head (a relationship or a member-name column). */
  personRows: boolean;
}

export interface VillageSection {
  row: number;
  /** 1-based column of the label. */
  col: number;
  label: string;
}

/**
 * Titles that name the one category of a list. Escaped near-poverty counts as newly escaped: the
 * programme's "hộ mới thoát nghèo" are the households out of poverty or near-poverty for 36 months.
 */
const TITLE_CATEGORIES: readonly [RegExp, HouseholdCategory][] = [
  [/\bho (moi )?thoat (can )?ngheo\b/, 'newlyEscaped'],
  [/\bdanh sach (chi tiet )?ho can ngheo\b/, 'nearPoor'],
  [/\bdanh sach (chi tiet )?ho ngheo\b(?!,? (va )?(ho )?can ngheo)/, 'poor'],
];

export function titleCategory(titleLines: readonly string[]): HouseholdCategory | null {
  for (const line of titleLines) {
    const f = fold(line);
    for (const [pattern, category] of TITLE_CATEGORIES) if (pattern.test(f)) return category;
  }
  return null;
}

/** A group row's label that names a village ("Thôn 3", "Xóm Đông", "Tổ dân phố 2", "Buôn Ja"). */
const VILLAGE_WORD = /^(thon|xom|ban|buon|bon|ap|to dan pho|tdp|khu pho|to|khom|lang|khu)\b/;

export function householdLayout(table: Table, planVillages: ReadonlyMap<string, string>): HouseholdLayout {
  const sections: VillageSection[] = [];
  if (!table.fromMapping && !table.columns.has('village') && !table.columns.has('address')) {
    for (const row of table.groupRows) {
      const cells = table.grid.rows[row - 1] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== 'string' || !/\p{L}{2}/u.test(v)) continue;
        const label = v.trim().replace(/[:.]+$/, '');
        if (VILLAGE_WORD.test(fold(label)) || planVillages.has(foldName(label))) sections.push({ row, col: c + 1, label });
        break;
      }
    }
  }
  return {
    titleCategory: table.fromMapping || table.columns.has('category') || [...table.columns.keys()].some((f) => f.startsWith('category.')) ? null : titleCategory(table.titleLines),
    sections,
    personRows: table.columns.has('relationship') || table.columns.has('memberName'),
  };
}

/**
 * The fields a layout gives without a column of their own (SHEET.MISSING_COLUMN is not raised for
 * them). The national software's detail list (a person per row, grouped under village rows) has
 * no ID column by its form: there, the ID is not asked for; its duplicates cannot be checked.
 */
export function fieldsGivenByLayout(layout: HouseholdLayout, table: Table): ReadonlySet<string> {
  const given = new Set<string>();
  if (layout.titleCategory) given.add('category');
  if (layout.sections.length > 0 || table.columns.has('address')) given.add('village');
  if (layout.personRows) given.add('size');
  if (layout.personRows && layout.sections.length > 0) given.add('idNumber');
  return given;
}

/** The village of a row: the last section above it. */
export function sectionOf(sections: readonly VillageSection[], row: number): VillageSection | null {
  let found: VillageSection | null = null;
  for (const s of sections) {
    if (s.row > row) break;
    found = s;
  }
  return found;
}

/** The head's row says "Chủ hộ"; every other relationship (Vợ, Con, Cháu …) is a member's row. */
const HEAD_RELATIONSHIP = /^(chu ho|chu ho gia dinh|ch|la chu ho|ban than|chu)$/;

/** `foldText` as for parseMark: fold, or this check's remembering one. */
export function isHeadRelationship(text: string, foldText: (text: string) => string = fold): boolean {
  return HEAD_RELATIONSHIP.test(foldText(text).replace(/[.:]+$/, ''));
}

/** "Thôn 3, xã Xuân Hoà, huyện Thọ Xuân" → its parts, most specific first, for the village lookup. */
export function addressParts(address: string): string[] {
  return address
    .split(/[,;]|\s[-–]\s/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const LIST_SEPARATORS = /[,;+\n/]|\s-\s/;

/** One list cell's parts: "1, 4; 9" → ["1", "4", "9"]. */
function listParts(v: CellValue): string[] {
  if (typeof v === 'number') return [String(v)];
  if (typeof v !== 'string') return [];
  return v
    .split(LIST_SEPARATORS)
    .map((p) => p.trim().replace(/^\d{1,2}\s*[.)]\s*(?=\p{L})/u, ''))
    .filter((p) => p !== '');
}

const INDICATOR_BY_NAME = new Map<string, number>();
INDICATORS.forEach((d, k) => {
  for (const name of [d.name, ...d.aliases]) INDICATOR_BY_NAME.set(fold(name).replace(/\([^)]*\)/g, '').trim(), k);
});

/**
 * The deprived indicators in one cell ("1, 4, 9", "CS1; CS4", "D01", "Việc làm; BHYT") as bits (bit
 * k = INDICATORS[k]); null when a part names no indicator.
 */
export function indicatorBits(v: CellValue, foldText: (text: string) => string = fold): number | null {
  let bits = 0;
  for (const part of listParts(v)) {
    const f = foldText(part);
    const code = /^(?:d|cs|chi so)\s*0*(\d{1,2})$/.exec(f) ?? /^0*(\d{1,2})$/.exec(f);
    let k = code ? Number(code[1]) - 1 : (INDICATOR_BY_NAME.get(f) ?? -1);
    if (k < 0 || k >= INDICATORS.length) k = -1;
    if (k < 0) return null;
    bits |= 1 << k;
  }
  return bits;
}

const REASON_PATTERNS = POVERTY_REASONS.map((r, k) => ({
  k,
  patterns: r.aliases.map((a) => new RegExp(`(^|[^a-z])${fold(a).replace(/[^a-z0-9 ]/g, '.?')}($|[^a-z])`)),
}));
const OTHER_REASON = POVERTY_REASONS.findIndex((r) => r.id === 'other');

/**
 * The poverty reasons in one cell ("Thiếu vốn; Thiếu đất sản xuất", or their numbers 1–8 in the
 * national list's order) as bits (bit k = POVERTY_REASONS[k]). A cause the list does not name is
 * "Khác", as the official list ends with it; the cell itself stays as the officer wrote it.
 */
export function reasonBits(v: CellValue, foldText: (text: string) => string = fold): number {
  let bits = 0;
  for (const part of listParts(v)) {
    const f = foldText(part);
    const n = /^0*(\d)$/.exec(f);
    if (n && Number(n[1]) >= 1 && Number(n[1]) <= POVERTY_REASONS.length) {
      bits |= 1 << (Number(n[1]) - 1);
      continue;
    }
    let found = false;
    for (const { k, patterns } of REASON_PATTERNS) {
      if (k !== OTHER_REASON && patterns.some((p) => p.test(f))) {
        bits |= 1 << k;
        found = true;
      }
    }
    if (!found) bits |= 1 << OTHER_REASON;
  }
  return bits;
}
