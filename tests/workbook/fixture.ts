import type { HouseholdCategory } from '../../shared/plans/plan.ts';
import { type CommunePlan, XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import type { WorkbookCommune, WorkbookSource } from '../../worker/workbook/index.ts';

/**
 * A small hand-made district: three communes of twelve households each.
 *  - Xuân Hoà (A): start of year from the "Phân loại đầu kỳ" column; indicators, ethnicity, reasons.
 *  - Xuân Lai (B): no start-of-year column; a previous annual list of ten households.
 *  - Thọ Lập (C): start-of-year column; no indicator columns, no ethnicity, no reasons; its first
 *    household has the ID number of Xuân Hoà's first (the planted cross-commune duplicate);
 *    no progress report (missing).
 * The expected figures are worked out by hand in workbook.test.ts.
 */

export const FORMULA_TEXT = "=cmd|' /C calc'!A0";

function plan(id: string, name: string, code: string, totalHouseholds: number, poorReduction: number, nearPoorReduction: number): CommunePlan {
  return {
    ...XUAN_HOA_2024,
    id: `${id}-2024`,
    commune: { ...XUAN_HOA_2024.commune, id, name, code },
    totalHouseholds,
    targets: { ...XUAN_HOA_2024.targets, poorReduction, nearPoorReduction },
  };
}

interface H {
  row: number;
  name: string;
  id: string | null;
  village: string;
  now: HouseholdCategory;
  start?: HouseholdCategory | null;
  dep?: string[] | null;
  count?: number | null;
  ethnicity?: string | null;
  reasons?: string[];
  noWork?: boolean;
  merit?: boolean;
  escaped?: number | null;
}

function household(sheet: string, h: H): HouseholdRecord {
  const deprivations = h.dep === undefined ? [] : h.dep;
  return {
    sheet,
    row: h.row,
    householdCode: null,
    headName: h.name,
    headBirthYear: 1970,
    headGender: 'male',
    idNumber: h.id,
    ethnicity: h.ethnicity === undefined ? 'Kinh' : h.ethnicity,
    village: h.village,
    planVillage: h.village.replace(/^thôn 0?/i, 'Thôn '),
    size: 4,
    category: h.now,
    beginningCategory: h.start ?? null,
    income: 1_200_000,
    b1Score: null,
    b2Score: null,
    deprivations,
    deprivationCount: h.count ?? deprivations?.length ?? null,
    meritFamily: h.merit ?? false,
    noWorkCapacity: h.noWork ?? false,
    escapedYear: h.escaped ?? null,
    reasons: h.reasons ?? [],
  };
}

function households(sheet: string, list: H[]): HouseholdRecord[] {
  return list.map((h) => household(sheet, h));
}

export const HOUSEHOLDS_A: HouseholdRecord[] = households('DS hộ', [
  { row: 5, name: FORMULA_TEXT, id: '038080000001', village: 'Thôn 1', now: 'poor', start: 'poor', dep: ['D01', 'D03', 'D04'], reasons: ['capital'] },
  { row: 6, name: 'Lê Văn Hai', id: '038080000002', village: 'Thôn 1', now: 'poor', start: 'poor', dep: ['D01', 'D04', 'D07', 'D08'], ethnicity: 'Mường', reasons: ['land', 'capital'], noWork: true },
  { row: 7, name: 'Trần Thị Ba', id: '038080000003', village: 'Thôn 2', now: 'poor', start: 'nearPoor', dep: ['D03', 'D04', 'D05'], reasons: ['illness'], merit: true },
  { row: 8, name: 'Phạm Văn Bốn', id: '038080000004', village: 'Thôn 2', now: 'poor', start: 'newlyEscaped', dep: ['D01', 'D02', 'D03', 'D10'], ethnicity: 'Thái', reasons: ['labour', 'illness'], noWork: true },
  { row: 9, name: 'Hoàng Văn Năm', id: '038080000005', village: 'Thôn 3', now: 'nearPoor', start: 'poor', dep: ['D04'], reasons: ['capital'] },
  { row: 10, name: 'Vũ Thị Sáu', id: '038080000006', village: 'Thôn 3', now: 'nearPoor', start: 'nearPoor', dep: ['D04', 'D09'], reasons: ['knowledge'] },
  { row: 11, name: 'Đỗ Văn Bảy', id: '038080000007', village: 'Thôn 4', now: 'nearPoor', start: 'nearPoor', dep: [], ethnicity: 'Mường', merit: true },
  { row: 12, name: 'Bùi Văn Tám', id: '038080000008', village: 'Thôn 4', now: 'nearPoor', start: null, dep: ['D11'], reasons: ['other'] },
  { row: 13, name: 'Ngô Thị Chín', id: '038080000009', village: 'Thôn 5', now: 'newlyEscaped', start: 'poor', dep: ['D01'], escaped: 2024 },
  { row: 14, name: 'Đinh Văn Mười', id: '038080000010', village: 'Thôn 5', now: 'newlyEscaped', start: 'nearPoor', dep: [], escaped: 2024 },
  { row: 15, name: 'Lý Văn Mười Một', id: '038080000011', village: 'Thôn 6', now: 'newlyEscaped', start: 'newlyEscaped', dep: [], escaped: 2023 },
  { row: 16, name: 'Mai Thị Mười Hai', id: '038080000012', village: 'Thôn 7', now: 'poor', start: 'poor', dep: ['D01', 'D02', 'D05', 'D06', 'D07', 'D12'], ethnicity: 'Dao', reasons: ['land', 'equipment', 'skills'], merit: true },
]);

export const PREVIOUS_B: HouseholdRecord[] = households('DS 2023', [
  { row: 5, name: 'Nguyễn Văn An', id: '038090000101', village: 'Thôn 1', now: 'poor' },
  { row: 6, name: 'Trần Văn Bình', id: '038090000102', village: 'Thôn 1', now: 'poor' },
  { row: 7, name: 'Lê Thị Cúc', id: null, village: 'Thôn 2', now: 'poor' },
  { row: 8, name: 'Phạm Văn Dũng', id: '038090000104', village: 'Thôn 2', now: 'nearPoor' },
  { row: 9, name: 'Hoàng Thị Én', id: '038090000105', village: 'Thôn 3', now: 'nearPoor' },
  { row: 10, name: 'Vũ Văn Giang', id: '038090000106', village: 'Thôn 3', now: 'poor' },
  { row: 11, name: 'Đỗ Thị Hoa', id: '038090000107', village: 'Thôn 4', now: 'nearPoor' },
  { row: 12, name: 'Bùi Văn Khánh', id: '038090000108', village: 'Thôn 4', now: 'newlyEscaped', escaped: 2022 },
  { row: 13, name: 'Ngô Văn Long', id: null, village: 'Thôn 5', now: 'nearPoor' },
  { row: 14, name: 'Trịnh Văn Quang', id: '038090000199', village: 'Thôn 7', now: 'poor' },
]);

export const HOUSEHOLDS_B: HouseholdRecord[] = households('DS hộ 2024', [
  { row: 8, name: 'Nguyễn Văn An', id: '038090000101', village: 'Thôn 1', now: 'poor', dep: ['D01', 'D02', 'D03'], reasons: ['capital'], merit: true },
  { row: 9, name: 'Trần Văn Bình', id: '038090000102', village: 'Thôn 1', now: 'newlyEscaped', escaped: 2024 },
  { row: 10, name: 'Lê Thị Cúc', id: '038090000103', village: 'Thôn 2', now: 'nearPoor', dep: ['D01'] },
  { row: 11, name: 'Phạm Văn Dũng', id: '038090000104', village: 'Thôn 2', now: 'poor', dep: ['D03', 'D04', 'D05', 'D06'], reasons: ['land'] },
  { row: 12, name: 'Hoàng Thị Én', id: '038090000105', village: 'Thôn 3', now: 'nearPoor', dep: ['D01', 'D02'], reasons: ['skills'] },
  { row: 13, name: 'Bùi Văn Khánh', id: '038090000108', village: 'Thôn 4', now: 'newlyEscaped', escaped: 2022 },
  { row: 14, name: 'Ngô  Văn Long', id: null, village: 'thôn 05', now: 'nearPoor', dep: [] },
  { row: 15, name: 'Cao Văn Minh', id: '038090000111', village: 'Thôn 5', now: 'poor', dep: ['D07', 'D08', 'D09'], ethnicity: 'Tày', reasons: ['capital', 'labour'] },
  { row: 16, name: 'Tạ Thị Nga', id: '038090000112', village: 'Thôn 6', now: 'nearPoor', dep: ['D12'], ethnicity: 'Mường' },
  { row: 17, name: 'Lương Văn Oanh', id: '038090000113', village: 'Thôn 6', now: 'poor', dep: ['D10', 'D11', 'D12'], noWork: true },
  { row: 18, name: 'Đặng Văn Phúc', id: '038090000114', village: 'Thôn 7', now: 'newlyEscaped', escaped: 2024 },
  { row: 19, name: 'Trịnh Văn Quang', id: '038090000115', village: 'Thôn 7', now: 'nearPoor', dep: ['D01'] },
]);

// Thọ Lập's list has no indicator columns (a stated count only) and no ethnicity column.
const C_ROWS: H[] = [
  { row: 7, name: 'Hà Văn Sơn', id: '038080000001', village: 'Thôn 1', now: 'poor', start: 'poor', count: 4 },
  { row: 8, name: 'Kiều Thị Tâm', id: '038080000102', village: 'Thôn 1', now: 'poor', start: 'poor', count: 3, noWork: true },
  { row: 9, name: 'Lâm Văn Uy', id: '038080000103', village: 'Thôn 2', now: 'poor', start: null, count: 5 },
  { row: 10, name: 'Mạc Thị Vân', id: '038080000104', village: 'Thôn 2', now: 'nearPoor', start: 'nearPoor', count: 1, merit: true },
  { row: 11, name: 'Nghiêm Văn Xuân', id: '038080000105', village: 'Thôn 3', now: 'nearPoor', start: 'poor', count: 2 },
  { row: 12, name: 'Ông Thị Yến', id: '038080000106', village: 'Thôn 3', now: 'nearPoor', start: null, count: 0 },
  { row: 13, name: 'Phan Văn An', id: '038080000107', village: 'Thôn 4', now: 'nearPoor', start: 'nearPoor', count: 1 },
  { row: 14, name: 'Quách Văn Bảo', id: '038080000108', village: 'Thôn 4', now: 'newlyEscaped', start: 'poor', count: 0, escaped: 2024 },
  { row: 15, name: 'Tôn Thị Châu', id: '038080000109', village: 'Thôn 5', now: 'newlyEscaped', start: 'newlyEscaped', count: 0, escaped: 2023 },
  { row: 16, name: 'Ứng Văn Đạt', id: '038080000110', village: 'Thôn 5', now: 'poor', start: 'nearPoor', count: 3 },
  { row: 17, name: 'Văn Thị Hằng', id: '038080000111', village: 'Thôn 6', now: 'nearPoor', start: 'nearPoor', count: 2 },
  { row: 18, name: 'Yên Văn Kiên', id: '038080000112', village: 'Thôn 7', now: 'newlyEscaped', start: 'nearPoor', count: 1, escaped: 2024 },
];
export const HOUSEHOLDS_C: HouseholdRecord[] = households('DS hộ', C_ROWS.map((h) => ({ ...h, dep: null, ethnicity: null })));

function beneficiary(sheet: string, row: number, project: string | null, fullName: string, extra: Partial<BeneficiaryRecord> = {}): BeneficiaryRecord {
  return {
    sheet,
    row,
    project,
    fullName,
    birthYear: 1985,
    birthDate: '1985-03-04',
    gender: 'female',
    idNumber: null,
    householdCode: null,
    householdHead: null,
    village: 'Thôn 1',
    supportType: 'Hỗ trợ giống',
    supportDate: '2024-05-10',
    amount: 2_000_000,
    disabled: false,
    ...extra,
  };
}

/** Text that must come back as written: escaping, a literal "_x0041_", characters XML 1.0 forbids (dropped). */
export const TRICKY_TEXT = 'Bò <giống> & "vốn" _x0041_ \u0007xong';
export const TRICKY_TEXT_READ = 'Bò <giống> & "vốn" _x0041_ xong';

export const BENEFICIARIES_A: BeneficiaryRecord[] = [
  beneficiary('DA2', 6, 'DA2', 'Lê Văn Hai', { householdHead: 'Lê Văn Hai' }),
  beneficiary('DA2', 7, 'DA2', '+84 912 345 678', { supportType: TRICKY_TEXT }),
  beneficiary('DA2', 8, 'DA2', '@Trần Thị Ba', { supportType: '-Tập huấn' }),
  beneficiary('DA3.2', 6, 'DA3.2', 'Phạm Thị Bé', { birthDate: '2020-06-01', birthYear: 2020, amount: 500_000 }),
  beneficiary('DA3.2', 7, 'DA3.2', 'Phạm Văn Cu', { birthDate: '2019-01-15', birthYear: 2019, amount: 500_000 }),
  beneficiary('DA6.1', 6, 'DA6.1', 'Mai Thị Mười Hai', { amount: 1_000_000 }),
];

export const BENEFICIARIES_B: BeneficiaryRecord[] = [
  beneficiary('Đối tượng', 5, 'DA2', 'Nguyễn Văn An'),
  beneficiary('Đối tượng', 6, 'DA2', 'Cao Văn Minh'),
  beneficiary('Đối tượng', 7, 'DA4.1', 'Lương Văn Oanh', { supportType: 'Học nghề' }),
  beneficiary('Đối tượng', 8, 'DA4.1', 'Tạ Thị Nga', { supportType: 'Học nghề' }),
  beneficiary('Đối tượng', 9, null, 'Không Rõ Dự Án'),
];

export const BENEFICIARIES_C: BeneficiaryRecord[] = [
  beneficiary('TDA 3.1', 5, 'DA3.1', 'Hà Văn Sơn'),
  beneficiary('TDA 3.1', 6, 'DA3.1', 'Kiều Thị Tâm'),
  beneficiary('TDA 3.1', 7, 'DA3.1', 'Lâm Văn Uy'),
];

function progress(row: number, project: string, p: Partial<ProgressRecord>): ProgressRecord {
  return {
    sheet: 'Tiến độ',
    row,
    project,
    lead: null,
    beneficiaryCount: null,
    allocatedTotal: null,
    allocatedCentral: null,
    allocatedLocal: null,
    allocatedMobilised: null,
    disbursed: null,
    status: null,
    ...p,
  };
}

export const PROGRESS_A: ProgressRecord[] = [
  progress(7, 'DA2', {
    lead: 'UBND xã',
    beneficiaryCount: 3,
    allocatedTotal: 100_000_000,
    allocatedCentral: 80_000_000,
    allocatedLocal: 15_000_000,
    allocatedMobilised: 5_000_000,
    disbursed: 60_000_000,
    status: 'Đang thực hiện',
  }),
  progress(9, 'DA3.2', {
    lead: 'Trạm Y tế',
    beneficiaryCount: 2,
    allocatedTotal: 40_000_000,
    allocatedCentral: 40_000_000,
    allocatedLocal: 0,
    allocatedMobilised: 0,
    disbursed: 40_000_000,
    status: 'Hoàn thành',
  }),
  // No stated total: the sources add up to 12,000,000.
  progress(12, 'DA6.1', { lead: 'VH-TT', beneficiaryCount: 1, allocatedCentral: 10_000_000, allocatedLocal: 2_000_000, disbursed: 0, status: 'Chưa thực hiện' }),
];

export const PROGRESS_B: ProgressRecord[] = [
  progress(6, 'DA2', { beneficiaryCount: 2, allocatedTotal: 50_000_000, allocatedCentral: 50_000_000, disbursed: 25_000_000 }),
  progress(8, 'DA4.1', {
    beneficiaryCount: 3,
    allocatedTotal: 30_000_000,
    allocatedCentral: 20_000_000,
    allocatedLocal: 10_000_000,
    allocatedMobilised: 0,
    disbursed: 30_000_000,
  }),
];

function submission(kind: WorkbookCommune['submissions'][number]['kind'], version: number, receivedAt: string, late: boolean, who: string) {
  return { kind, version, receivedAt, late, checksum: `sha256:${kind}-${version}`, rulePack: 'mdp-2022', submittedBy: who };
}

export const COMMUNES: WorkbookCommune[] = [
  {
    id: 'xuan-hoa',
    name: 'Xuân Hoà',
    plan: plan('xuan-hoa', 'Xuân Hoà', 'XH', 400, 2, 5),
    submissions: [
      submission('households', 2, '2024-12-08T03:00:00Z', false, 'Nguyễn Thị Lan'),
      submission('beneficiaries', 1, '2024-12-09T10:00:00Z', false, 'Nguyễn Thị Lan'),
      submission('progress', 1, '2024-12-09T10:00:00Z', false, 'Nguyễn Thị Lan'),
    ],
    missing: [],
  },
  {
    id: 'xuan-lai',
    name: 'Xuân Lai',
    plan: plan('xuan-lai', 'Xuân Lai', 'XL', 500, 3, 4),
    submissions: [
      submission('households', 1, '2024-12-12T02:00:00Z', true, 'Lê Văn Tùng'),
      submission('beneficiaries', 1, '2024-12-12T02:00:00Z', true, 'Lê Văn Tùng'),
      submission('progress', 3, '2024-12-10T16:30:00Z', false, 'Lê Văn Tùng'),
    ],
    missing: [],
  },
  {
    id: 'tho-lap',
    name: 'Thọ Lập',
    plan: plan('tho-lap', 'Thọ Lập', 'TL', 250, 1, 2),
    submissions: [
      submission('households', 1, '2024-12-01T01:00:00Z', false, '=Phạm Văn Hùng'),
      submission('beneficiaries', 1, '2024-12-01T01:00:00Z', false, '=Phạm Văn Hùng'),
    ],
    missing: ['progress'],
  },
];

const ROWS = {
  households: { 'xuan-hoa': HOUSEHOLDS_A, 'xuan-lai': HOUSEHOLDS_B, 'tho-lap': HOUSEHOLDS_C },
  previous: { 'xuan-lai': PREVIOUS_B },
  beneficiaries: { 'xuan-hoa': BENEFICIARIES_A, 'xuan-lai': BENEFICIARIES_B, 'tho-lap': BENEFICIARIES_C },
  progress: { 'xuan-hoa': PROGRESS_A, 'xuan-lai': PROGRESS_B },
} as const;

/** Pages of at most `size` rows, as D1 would give them. */
async function* pages<T>(rows: readonly T[] | undefined, size = 5): AsyncGenerator<T[]> {
  const all = rows ?? [];
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

export function fixtureSource(): WorkbookSource {
  const pick = <T>(table: Partial<Record<string, readonly T[]>>, id: string): readonly T[] | undefined => table[id];
  return {
    region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district' },
    period: '2024-Y',
    generatedAt: new Date('2024-12-20T01:30:00Z'),
    communes: COMMUNES,
    households: (id) => pages(pick<HouseholdRecord>(ROWS.households, id)),
    previousHouseholds: (id) => pages(pick<HouseholdRecord>(ROWS.previous, id), 4),
    beneficiaries: (id) => pages(pick<BeneficiaryRecord>(ROWS.beneficiaries, id)),
    progress: (id) => pages(pick<ProgressRecord>(ROWS.progress, id)),
  };
}
