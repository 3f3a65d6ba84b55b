import type { HouseholdRecord } from '../../rules/households.ts';
import { CATEGORY_NAMES, GENDER_NAMES, fieldHeader } from '../../messages/workbook-text.ts';
import type { HouseholdCategory } from '../../plans/plan.ts';
import { INDICATORS } from '../../standards/index.ts';
import type { Cell, Column, KindSheet } from '../kind.ts';
import { POVERTY_REASONS } from '../reasons.ts';
import { SOURCE_COLUMNS } from '../source-columns.ts';

const DEPRIVATION_GROUP = 'Các chỉ số thiếu hụt';
const REASON_GROUP = 'Nguyên nhân nghèo';

/** A column of the merged household sheet with the cell it takes from a record, side by side. */
interface HouseholdColumn extends Column {
  cell(h: HouseholdRecord): Cell;
}

const categoryName = (c: HouseholdCategory | null): string | null => (c === null ? null : CATEGORY_NAMES[c]);

/** After the source columns (commune, sheet, row): 17 fields, the indicators, 4 fields, the reasons. */
const RECORD_COLUMNS: readonly HouseholdColumn[] = [
  { header: fieldHeader('householdCode'), kind: 'text', cell: (h) => h.householdCode },
  { header: fieldHeader('headName'), kind: 'text', minWidth: 18, cell: (h) => h.headName },
  { header: fieldHeader('headBirthYear'), kind: 'plain', cell: (h) => h.headBirthYear },
  { header: fieldHeader('headGender'), kind: 'text', cell: (h) => (h.headGender === null ? null : GENDER_NAMES[h.headGender]) },
  { header: fieldHeader('idNumber'), kind: 'text', minWidth: 13, cell: (h) => h.idNumber },
  { header: fieldHeader('ethnicity'), kind: 'text', cell: (h) => h.ethnicity },
  { header: fieldHeader('village'), kind: 'text', cell: (h) => h.village },
  { header: 'Thôn (theo kế hoạch)', kind: 'text', cell: (h) => h.planVillage },
  { header: fieldHeader('size'), kind: 'count', cell: (h) => h.size },
  { header: fieldHeader('category'), kind: 'text', minWidth: 14, cell: (h) => categoryName(h.category) },
  { header: fieldHeader('beginningCategory'), kind: 'text', minWidth: 14, cell: (h) => categoryName(h.beginningCategory) },
  { header: 'Thu nhập bình quân (đồng/người/tháng)', kind: 'money', cell: (h) => h.income },
  { header: fieldHeader('b1Score'), kind: 'count', cell: (h) => h.b1Score },
  { header: fieldHeader('b2Score'), kind: 'count', cell: (h) => h.b2Score },
  ...INDICATORS.map(
    (d): HouseholdColumn => ({
      header: d.name,
      group: DEPRIVATION_GROUP,
      kind: 'mark',
      cell: (h) => (h.deprivations === null ? null : h.deprivations.includes(d.id)),
    }),
  ),
  { header: fieldHeader('deprivationCount'), kind: 'count', cell: (h) => h.deprivationCount },
  { header: fieldHeader('meritFamily'), kind: 'mark', cell: (h) => h.meritFamily },
  { header: fieldHeader('noWorkCapacity'), kind: 'mark', cell: (h) => h.noWorkCapacity },
  { header: fieldHeader('escapedYear'), kind: 'plain', cell: (h) => h.escapedYear },
  ...POVERTY_REASONS.map((r): HouseholdColumn => ({ header: r.name, group: REASON_GROUP, kind: 'mark', cell: (h) => h.reasons.includes(r.id) })),
];
const SOURCE_WIDTH = 3;
if (SOURCE_COLUMNS.length !== SOURCE_WIDTH) throw new Error('HOUSEHOLD_SHEET: values() fills three source columns');

export const HOUSEHOLD_SHEET: KindSheet<HouseholdRecord> = {
  // The sheet's columns as Column (no `cell`): what the writer lays out.
  columns: [...SOURCE_COLUMNS, ...RECORD_COLUMNS.map(({ cell: _cell, ...column }): Column => column)],
  // One array per row, of its final length, filled in place: no Set, mapped array or regrowth per
  // record (200,000 rows make no more garbage than they must).
  values(h, { communeName }) {
    const out = new Array<Cell>(SOURCE_WIDTH + RECORD_COLUMNS.length);
    out[0] = communeName;
    out[1] = h.sheet;
    out[2] = h.row;
    for (let k = 0; k < RECORD_COLUMNS.length; k++) out[SOURCE_WIDTH + k] = (RECORD_COLUMNS[k] as HouseholdColumn).cell(h);
    return out;
  },
};
