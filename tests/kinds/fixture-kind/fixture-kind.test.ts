import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../shared/grid/grid.ts';
import { kindName, pageKindName } from '../../../shared/messages/names.ts';
import { kindsDue } from '../../../shared/periods.ts';
import { XUAN_HOA_2024 } from '../../../shared/plans/index.ts';
import { type SheetKind, SheetKind as SheetKindSchema, TableKind } from '../../../shared/sheet-kind.ts';
import { validateWorkbook } from '../../../shared/validate.ts';
import { writeDistrictWorkbook } from '../../../worker/workbook/write-workbook.ts';
import type { WorkbookSource } from '../../../worker/workbook/source.ts';
import { COMMUNES } from '../../workbook/fixture.ts';
import { collect, readBack } from '../../workbook/read-back.ts';
import type { TraineeRecord } from './rules.ts';

/** The fixture kind, as the product's types do not know it. */
const TRAININGS = 'trainings' as SheetKind;

export const TRAINEE_GRID: Grid = {
  name: 'Hoc vien',
  rows: [
    ['DANH SÁCH HỌC VIÊN TẬP HUẤN NĂM 2024'],
    ['STT', 'Họ và tên học viên', 'Khoá tập huấn', 'Số buổi tham dự'],
    [1, 'Lê Văn An', 'Trồng lúa', 3],
    [2, 'Trần Thị Bình', 'Chăn nuôi', 'hai'],
    [3, 'Phạm Văn Cường', 'Chăn nuôi', 4],
  ],
  merges: [],
};

describe('a fourth sheet kind, added as a folder and a registry line (tests/kinds/fixture-kind)', () => {
  it('is a kind of the schemas, due by its own periods, named from its folder', () => {
    expect(TableKind.options).toEqual(['households', 'beneficiaries', 'progress', 'summary', 'trainings']);
    expect(SheetKindSchema.options).toEqual(['households', 'beneficiaries', 'progress', 'trainings']);
    expect(kindsDue('2024-Q1')).toEqual(['progress', 'trainings']);
    expect(kindsDue('2024-Y')).toEqual(['households', 'beneficiaries', 'progress', 'trainings']);
    expect(kindName(TRAININGS, 'vi')).toBe('Danh sách học viên tập huấn');
    expect(kindName(TRAININGS, 'en')).toBe('Trainee list');
    expect(pageKindName(TRAININGS, 'en')).toBe('Trainees');
  });

  it('is recognised by its headers and checked by its own rules', () => {
    const result = validateWorkbook([{ grid: TRAINEE_GRID }], { plan: XUAN_HOA_2024, period: '2024-Y' });
    expect(result.sheets).toEqual([
      {
        name: 'Hoc vien',
        kind: 'trainings',
        headerRow: 2,
        headerRows: 1,
        columns: { seq: 'A', trainee: 'B', course: 'C', sessions: 'D' },
        dataRows: 3,
        period: '2024-Y',
      },
    ]);
    expect(result.issues.map((i) => [i.code, i.severity, i.sheet, i.row, i.column, i.field])).toEqual([['CELL.TYPE', 'error', 'Hoc vien', 4, 'D', 'sessions']]);
    expect(result.ok).toBe(false);
    expect(result.checked?.['trainings']).toEqual([
      { sheet: 'Hoc vien', row: 3, trainee: 'Lê Văn An', course: 'Trồng lúa', sessions: 3 },
      { sheet: 'Hoc vien', row: 4, trainee: 'Trần Thị Bình', course: 'Chăn nuôi', sessions: null },
      { sheet: 'Hoc vien', row: 5, trainee: 'Phạm Văn Cường', course: 'Chăn nuôi', sessions: 4 },
    ]);
    // Its sheet is one to submit: no "nothing recognised" error.
    expect(result.issues.some((i) => i.code === 'SHEET.UNKNOWN_KIND')).toBe(false);
  });

  it('has its own sheet in the merged workbook, after the product kinds, and a status group in Tổng hợp', async () => {
    const trainees: Record<string, TraineeRecord[]> = {
      [COMMUNES[0]!.id]: [{ sheet: 'Hoc vien', row: 3, trainee: 'Lê Văn An', course: 'Trồng lúa', sessions: 3 }],
      [COMMUNES[1]!.id]: [
        { sheet: 'HV', row: 7, trainee: 'Trần Thị Bình', course: 'Chăn nuôi', sessions: null },
        { sheet: 'HV', row: 8, trainee: 'Phạm Văn Cường', course: 'Chăn nuôi', sessions: 4 },
      ],
    };
    const source: WorkbookSource = {
      region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district' },
      period: '2024-Y',
      generatedAt: new Date('2024-12-20T01:30:00Z'),
      communes: COMMUNES,
      households: async function* () {},
      previousHouseholds: async function* () {},
      beneficiaries: async function* () {},
      progress: async function* () {},
      rows: async function* (kind, communeId) {
        if (kind === TRAININGS && trainees[communeId]) yield trainees[communeId];
      },
    };
    const book = readBack(await collect(writeDistrictWorkbook(source)));
    expect(book.workbook.SheetNames).toEqual([
      'Tổng hợp',
      'Diễn biến',
      'Thiếu hụt',
      'Nhóm đối tượng',
      'Dự án',
      'Hộ',
      'Đối tượng hỗ trợ',
      'Tiến độ',
      'Học viên',
      'Kiểm tra',
      'Nguồn',
    ]);
    const rows = book.rows('Học viên');
    expect(rows[0]?.[0]).toBe('DANH SÁCH HỌC VIÊN TẬP HUẤN — HUYỆN THỌ XUÂN — NĂM 2024 (2024-Y)');
    const header = rows.findIndex((r) => r[0] === 'Xã');
    expect(rows[header]).toEqual(['Xã', 'Sheet gốc', 'Dòng gốc', 'Họ và tên học viên', 'Khoá tập huấn', 'Số buổi tham dự']);
    expect(rows.slice(header + 1).filter((r) => r.some((v) => v !== null))).toEqual([
      [COMMUNES[0]!.name, 'Hoc vien', 3, 'Lê Văn An', 'Trồng lúa', 3],
      [COMMUNES[1]!.name, 'HV', 7, 'Trần Thị Bình', 'Chăn nuôi', null],
      [COMMUNES[1]!.name, 'HV', 8, 'Phạm Văn Cường', 'Chăn nuôi', 4],
    ]);
    // Tổng hợp has a status group for it, beside the product kinds'.
    const summary = book.rows('Tổng hợp');
    expect(summary.some((r) => r.includes('Danh sách học viên'))).toBe(true);
  });
});
