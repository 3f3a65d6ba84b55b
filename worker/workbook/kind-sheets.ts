import { POVERTY_REASONS } from '../../shared/kinds/reasons.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { CATEGORY_NAMES, COMMUNE, fieldHeader, GENDER_NAMES } from './labels.ts';
import type { Cell, Column } from '../../shared/xlsx/write/sheet-xml.ts';

/** The commune a row comes from, and the names of its plan's sub-projects. */
export interface RowContext {
  communeName: string;
  projectName(code: string | null): string | null;
}

/** A per-kind sheet: every commune's rows, commune first, then the record's fields. */
export interface KindSheet<T> {
  columns: readonly Column[];
  values(record: T, context: RowContext): Cell[];
}

const DEPRIVATION_GROUP = 'Các chỉ số thiếu hụt';
const REASON_GROUP = 'Nguyên nhân nghèo';
const ALLOCATED_GROUP = 'Kinh phí được phân bổ (đồng)';

const SOURCE_COLUMNS: readonly Column[] = [
  { header: COMMUNE, kind: 'text' },
  { header: 'Sheet gốc', kind: 'text' },
  { header: 'Dòng gốc', kind: 'plain' },
];

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

export const BENEFICIARY_SHEET: KindSheet<BeneficiaryRecord> = {
  columns: [
    ...SOURCE_COLUMNS,
    { header: fieldHeader('projectCode'), kind: 'text' },
    { header: 'Tên dự án, tiểu dự án', kind: 'text' },
    { header: fieldHeader('fullName'), kind: 'text', minWidth: 18 },
    { header: 'Năm sinh', kind: 'plain' },
    { header: fieldHeader('birthDate'), kind: 'date' },
    { header: fieldHeader('gender'), kind: 'text' },
    { header: fieldHeader('idNumber'), kind: 'text', minWidth: 13 },
    { header: fieldHeader('householdCode'), kind: 'text' },
    { header: fieldHeader('householdHead'), kind: 'text' },
    { header: fieldHeader('village'), kind: 'text' },
    { header: fieldHeader('supportType'), kind: 'text' },
    { header: fieldHeader('supportDate'), kind: 'date' },
    { header: 'Kinh phí (đồng)', kind: 'money' },
    { header: fieldHeader('disabled'), kind: 'mark' },
  ],
  values(b, { communeName, projectName }) {
    return [
      communeName,
      b.sheet,
      b.row,
      b.project,
      projectName(b.project),
      b.fullName,
      b.birthYear,
      b.birthDate,
      b.gender === null ? null : GENDER_NAMES[b.gender],
      b.idNumber,
      b.householdCode,
      b.householdHead,
      b.village,
      b.supportType,
      b.supportDate,
      b.amount,
      b.disabled,
    ];
  },
};

export const PROGRESS_SHEET: KindSheet<ProgressRecord> = {
  columns: [
    ...SOURCE_COLUMNS,
    { header: fieldHeader('projectCode'), kind: 'text' },
    { header: 'Tên dự án, tiểu dự án', kind: 'text' },
    { header: fieldHeader('lead'), kind: 'text' },
    { header: fieldHeader('beneficiaryCount'), kind: 'count' },
    { header: 'Tổng', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'NSTW', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'NSĐP', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'Huy động', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'Đã giải ngân (đồng)', kind: 'money' },
    { header: 'Tình hình thực hiện', kind: 'text' },
  ],
  values(p, { communeName, projectName }) {
    return [
      communeName,
      p.sheet,
      p.row,
      p.project,
      projectName(p.project),
      p.lead,
      p.beneficiaryCount,
      p.allocatedTotal,
      p.allocatedCentral,
      p.allocatedLocal,
      p.allocatedMobilised,
      p.disbursed,
      p.status,
    ];
  },
};
