import type { HouseholdRecord } from '../../rules/households.ts';
import { CATEGORY_NAMES, GENDER_NAMES, fieldHeader } from '../../messages/workbook-text.ts';
import { INDICATORS } from '../../standards/index.ts';
import type { Cell, Column, KindSheet } from '../kind.ts';
import { POVERTY_REASONS } from '../reasons.ts';
import { SOURCE_COLUMNS } from '../source-columns.ts';

const DEPRIVATION_GROUP = 'Các chỉ số thiếu hụt';
const REASON_GROUP = 'Nguyên nhân nghèo';

/** Cells in a household row: 17 fields, the indicators, 4 fields, the reasons. */
const HOUSEHOLD_WIDTH = 17 + INDICATORS.length + 4 + POVERTY_REASONS.length;

export const HOUSEHOLD_SHEET: KindSheet<HouseholdRecord> = {
  columns: [
    ...SOURCE_COLUMNS,
    { header: fieldHeader('householdCode'), kind: 'text' },
    { header: fieldHeader('headName'), kind: 'text', minWidth: 18 },
    { header: fieldHeader('headBirthYear'), kind: 'plain' },
    { header: fieldHeader('headGender'), kind: 'text' },
    { header: fieldHeader('idNumber'), kind: 'text', minWidth: 13 },
    { header: fieldHeader('ethnicity'), kind: 'text' },
    { header: fieldHeader('village'), kind: 'text' },
    { header: 'Thôn (theo kế hoạch)', kind: 'text' },
    { header: fieldHeader('size'), kind: 'count' },
    { header: fieldHeader('category'), kind: 'text', minWidth: 14 },
    { header: fieldHeader('beginningCategory'), kind: 'text', minWidth: 14 },
    { header: 'Thu nhập bình quân (đồng/người/tháng)', kind: 'money' },
    { header: fieldHeader('b1Score'), kind: 'count' },
    { header: fieldHeader('b2Score'), kind: 'count' },
    ...INDICATORS.map((d): Column => ({ header: d.name, group: DEPRIVATION_GROUP, kind: 'mark' })),
    { header: fieldHeader('deprivationCount'), kind: 'count' },
    { header: fieldHeader('meritFamily'), kind: 'mark' },
    { header: fieldHeader('noWorkCapacity'), kind: 'mark' },
    { header: fieldHeader('escapedYear'), kind: 'plain' },
    ...POVERTY_REASONS.map((r): Column => ({ header: r.name, group: REASON_GROUP, kind: 'mark' })),
  ],
  // One array per row, of its final length, filled in place: no Set, mapped array or regrowth per
  // record (200,000 rows make no more garbage than they must).
  values(h, { communeName }) {
    const out = new Array<Cell>(HOUSEHOLD_WIDTH);
    let i = 0;
    out[i++] = communeName;
    out[i++] = h.sheet;
    out[i++] = h.row;
    out[i++] = h.householdCode;
    out[i++] = h.headName;
    out[i++] = h.headBirthYear;
    out[i++] = h.headGender === null ? null : GENDER_NAMES[h.headGender];
    out[i++] = h.idNumber;
    out[i++] = h.ethnicity;
    out[i++] = h.village;
    out[i++] = h.planVillage;
    out[i++] = h.size;
    out[i++] = h.category === null ? null : CATEGORY_NAMES[h.category];
    out[i++] = h.beginningCategory === null ? null : CATEGORY_NAMES[h.beginningCategory];
    out[i++] = h.income;
    out[i++] = h.b1Score;
    out[i++] = h.b2Score;
    const deprived = h.deprivations;
    for (const d of INDICATORS) out[i++] = deprived === null ? null : deprived.includes(d.id);
    out[i++] = h.deprivationCount;
    out[i++] = h.meritFamily;
    out[i++] = h.noWorkCapacity;
    out[i++] = h.escapedYear;
    const reasons = h.reasons;
    for (const r of POVERTY_REASONS) out[i++] = reasons.includes(r.id);
    return out;
  },
};

