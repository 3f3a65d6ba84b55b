import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook, type WorkbookResult } from '../../shared/validate.ts';
import { type HeaderCell, household, householdSheet, type Row, sheet } from './grid-builder.ts';

/**
 * The summary forms the commune fills (shared/kinds/summary.ts): recognised by their headings,
 * checked on their own (totals, rates, counts), and against the household list of the same workbook.
 */

function validate(grids: readonly Grid[], lang: 'vi' | 'en' = 'vi'): WorkbookResult {
  return validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: '2024-12-31', lang });
}

/** An issue as data: everything but the text. */
function data(issues: readonly Issue[]): Omit<Issue, 'message'>[] {
  return issues.map(({ message: _m, ...rest }) => rest);
}

const TITLE = ['ỦY BAN NHÂN DÂN XÃ XUÂN HOÀ', '', 'TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO', ''];

// Report 1 by village: A STT | B Thôn | C Tổng số hộ dân cư | D–E Hộ nghèo (Số hộ, Tỷ lệ) | F–G Hộ cận nghèo.
// The header is on rows 5–6, the numbering row 7, the villages from row 8, the total after them.
const HEADER: HeaderCell[] = [
  'STT',
  'Thôn',
  { group: 'Tổng số hộ dân cư', label: 'Số hộ' },
  { group: 'Hộ nghèo', label: 'Số hộ' },
  { group: 'Hộ nghèo', label: 'Tỷ lệ (%)' },
  { group: 'Hộ cận nghèo', label: 'Số hộ' },
  { group: 'Hộ cận nghèo', label: 'Tỷ lệ (%)' },
];
const NUMBERING: CellValue[] = ['A', 'B', '1', '2', '3=2/1*100', '4', '5=4/1*100'];
const VILLAGES: CellValue[][] = [
  [1, 'Thôn 1', 200, 3, 1.5, 2, 1],
  [2, 'Thôn 2', 150, 2, 1.33, 1, 0.67],
  [3, 'Thôn 3', 300, 1, 0.33, 3, 1],
];
const TOTAL: CellValue[] = [null, 'Tổng cộng', 650, 6, 0.92, 6, 0.92];

function summarySheet(villages: readonly CellValue[][] = VILLAGES, total: CellValue[] = TOTAL, numFmts?: Record<string, string>): Grid {
  return sheet(HEADER, [NUMBERING, ...villages], { name: 'Tổng hợp', titleLines: TITLE, after: [total], ...(numFmts ? { numFmts } : {}) });
}

/** The list the summary above counts: by village, 3 + 2 + 1 poor and 2 + 1 + 3 near-poor households. */
function listRows(): Row[] {
  const rows: Row[] = [];
  const add = (village: string, category: string, n: number): void => {
    for (let k = 0; k < n; k++) rows.push(household(rows.length + 1, { village, category }));
  };
  add('Thôn 1', 'Hộ nghèo', 3);
  add('Thôn 1', 'Hộ cận nghèo', 2);
  add('Thôn 2', 'Hộ nghèo', 2);
  add('Thôn 2', 'Hộ cận nghèo', 1);
  add('Thôn 3', 'Hộ nghèo', 1);
  add('Thôn 3', 'Hộ cận nghèo', 3);
  return rows;
}

function setCell(row: CellValue[], column: number, value: CellValue): CellValue[] {
  const out = [...row];
  out[column] = value;
  return out;
}

describe('the commune summary (report 1) is recognised by its headings', () => {
  it('reads kind, header, columns and the village rows without a saved mapping, and finds nothing on a consistent table', () => {
    const result = validate([summarySheet(), householdSheet(listRows())]);
    expect(result.sheets[0]).toEqual({
      name: 'Tổng hợp',
      kind: 'summary',
      headerRow: 5,
      headerRows: 2,
      columns: { seq: 'A', place: 'B', totalHouseholds: 'C', poor: 'D', poorRate: 'E', nearPoor: 'F', nearPoorRate: 'G' },
      dataRows: 3,
      period: null,
    });
    expect(result.sheets[1]?.kind).toBe('households');
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reads a one-row header and a "Toàn xã" row written as a row of the table', () => {
    const grid = sheet(
      ['STT', 'Thôn', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo', 'Số hộ cận nghèo', 'Tỷ lệ hộ cận nghèo'],
      [...VILLAGES, [4, 'Toàn xã', 650, 5, 0.92, 6, 0.92]],
      { name: 'Tổng hợp', titleLines: TITLE },
    );
    const result = validate([grid, householdSheet(listRows())]);
    expect(result.sheets[0]?.columns).toEqual({ seq: 'A', place: 'B', totalHouseholds: 'C', poor: 'D', poorRate: 'E', nearPoor: 'F', nearPoorRate: 'G' });
    // Row 9 is "Toàn xã": 5 poor against the villages' 6. One issue: the rate and the list are not judged on a wrong count.
    expect(data(result.issues)).toEqual([
      { code: 'SUM.TOTAL', severity: 'error', sheet: 'Tổng hợp', row: 9, column: 'D', field: 'poor', value: 5, expected: 6, params: { across: 'rows', rows: 3 } },
    ]);
  });

  it('leaves a household list with indicator columns a household list', () => {
    const fields = ['seq', 'headName', 'village', ...Array.from({ length: 12 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`), 'deprivationCount'];
    const result = validate([householdSheet([household(1, { D01: 'x', deprivationCount: 1 })], { fields })]);
    expect(result.sheets[0]?.kind).toBe('households');
  });
});

describe('the summary checked on its own', () => {
  it('a summary with nothing to compare against still gets its internal checks, and is no list to submit', () => {
    const result = validate([summarySheet(VILLAGES, setCell(TOTAL, 5, 7))]);
    expect(data(result.issues)).toEqual([
      { code: 'SHEET.UNKNOWN_KIND', severity: 'error', sheet: 'Tổng hợp', row: null, column: null, field: null, value: null, params: { summaryOnly: true } },
      { code: 'SUM.TOTAL', severity: 'error', sheet: 'Tổng hợp', row: 11, column: 'F', field: 'nearPoor', value: 7, expected: 6, params: { across: 'rows', rows: 3 } },
    ]);
    expect(result.issues[0]?.message).toBe(
      'Sổ chỉ có bảng tổng hợp (đã kiểm tra các số liệu của bảng), không có danh sách hộ, danh sách đối tượng hỗ trợ hay báo cáo tiến độ để gửi.',
    );
    expect(result.issues[1]?.message).toBe('Dòng tổng ghi 7 ở cột "Số hộ cận nghèo", nhưng cộng 3 dòng ở trên được 6.');
  });

  it('SUM.TOTAL on the total households; the total row\'s rates are then not judged against the wrong total', () => {
    const result = validate([summarySheet(VILLAGES, setCell(TOTAL, 2, 600)), householdSheet(listRows())]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([['SUM.TOTAL', 11, 'C', 600, 650]]);
  });

  it('SUM.RATE on the total row, against the total row\'s own households', () => {
    const result = validate([summarySheet(VILLAGES, setCell(TOTAL, 4, 0.09)), householdSheet(listRows())]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([['SUM.RATE', 11, 'E', 0.09, 0.92]]);
  });

  it('SUM.RATE to the decimals the cell shows: a "0.00" format rounds 1.3333 to 1.33, a "0.0%" format holds a fraction', () => {
    const villages = [setCell(setCell(VILLAGES[0] as CellValue[], 4, 1.6), 6, 0.01), setCell(VILLAGES[1] as CellValue[], 4, 1.3333333), VILLAGES[2] as CellValue[]];
    const result = validate([summarySheet(villages, TOTAL, { E9: '0.00', G8: '0.0%' }), householdSheet(listRows())]);
    // Row 8: 1.6 ≠ 3/200 = 1.5; its near-poor rate 0.01 shown as 1.0% is 2/200. Row 9: 1.3333333 shown 1.33 is 2/150.
    expect(data(result.issues)).toEqual([
      { code: 'SUM.RATE', severity: 'error', sheet: 'Tổng hợp', row: 8, column: 'E', field: 'poorRate', value: 1.6, expected: 1.5, params: { count: 3, total: 200, decimals: 1 } },
    ]);
    expect(result.issues[0]?.message).toBe('"Tỷ lệ hộ nghèo (%)" ghi 1,6, nhưng 3 / 200 hộ × 100 = 1,5.');
  });

  it('rates written as text, with a decimal comma and a % sign, are read as the officer wrote them', () => {
    const villages = [setCell(VILLAGES[0] as CellValue[], 4, '1,50%'), setCell(VILLAGES[1] as CellValue[], 4, '1,4'), VILLAGES[2] as CellValue[]];
    const result = validate([summarySheet(villages), householdSheet(listRows())]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([['SUM.RATE', 9, 'E', '1,4', 1.3]]);
  });

  it('SUM.COUNT on a negative or fractional count, CELL.TYPE on one that is no number; the total is then not added up', () => {
    const villages = [setCell(VILLAGES[0] as CellValue[], 3, -3), setCell(VILLAGES[1] as CellValue[], 5, 1.5), setCell(VILLAGES[2] as CellValue[], 2, 'ba trăm')];
    const result = validate([summarySheet(villages), householdSheet(listRows())]);
    expect(data(result.issues)).toEqual([
      { code: 'SUM.COUNT', severity: 'error', sheet: 'Tổng hợp', row: 8, column: 'D', field: 'poor', value: -3, params: { reason: 'negative' } },
      { code: 'SUM.COUNT', severity: 'error', sheet: 'Tổng hợp', row: 9, column: 'F', field: 'nearPoor', value: 1.5, params: { reason: 'fraction' } },
      { code: 'CELL.TYPE', severity: 'error', sheet: 'Tổng hợp', row: 10, column: 'C', field: 'totalHouseholds', value: 'ba trăm', params: { expectedType: 'integer' } },
    ]);
    expect(result.issues[0]?.message).toBe('"Số hộ nghèo" là số hộ, không được âm (ô ghi -3).');
  });

  it('a blank village cell counts 0 in the total', () => {
    const villages = [VILLAGES[0] as CellValue[], setCell(setCell(VILLAGES[1] as CellValue[], 5, null), 6, null), VILLAGES[2] as CellValue[]];
    const result = validate([summarySheet(villages, setCell(setCell(TOTAL, 5, 5), 6, 0.77))]);
    expect(data(result.issues).map((i) => i.code)).toEqual(['SHEET.UNKNOWN_KIND']);
  });
});

describe('the summary against the household list of the same workbook', () => {
  it('SUM.LIST_MISMATCH on the village row and the total, with both numbers', () => {
    // The summary says 3 poor households in Thôn 2 (the list has 2), and 7 in all (the list has 6).
    const villages = [VILLAGES[0] as CellValue[], setCell(setCell(VILLAGES[1] as CellValue[], 3, 3), 4, 2), VILLAGES[2] as CellValue[]];
    const total = setCell(setCell(TOTAL, 3, 7), 4, 1.08);
    const result = validate([summarySheet(villages, total), householdSheet(listRows())]);
    expect(data(result.issues)).toEqual([
      { code: 'SUM.LIST_MISMATCH', severity: 'warning', sheet: 'Tổng hợp', row: 9, column: 'D', field: 'poor', value: 3, expected: 2, params: { place: 'Thôn 2', total: false, category: 'poor', summary: 3, list: 2 } },
      { code: 'SUM.LIST_MISMATCH', severity: 'warning', sheet: 'Tổng hợp', row: 11, column: 'D', field: 'poor', value: 7, expected: 6, params: { place: 'Tổng cộng', total: true, category: 'poor', summary: 7, list: 6 } },
    ]);
    expect(result.issues[0]?.message).toBe('Bảng tổng hợp ghi 3 hộ nghèo ở Thôn 2, danh sách hộ có 2.');
    expect(result.issues[1]?.message).toBe('Bảng tổng hợp ghi 7 hộ nghèo ở dòng "Tổng cộng" (cả danh sách), danh sách hộ có 6.');
    expect(result.ok).toBe(true);
    const en = validate([summarySheet(villages, total), householdSheet(listRows())], 'en');
    expect(en.issues[0]?.message).toBe('The summary counts 3 poor households in Thôn 2; the household list has 2.');
  });

  it('a village written "thôn 02" is the plan\'s Thôn 2; a row naming no village of the plan is not compared', () => {
    const villages = [VILLAGES[0] as CellValue[], setCell(VILLAGES[1] as CellValue[], 1, 'thôn 02'), setCell(setCell(VILLAGES[2] as CellValue[], 1, 'Xóm Đồi'), 3, 4)];
    const total = setCell(setCell(TOTAL, 3, 9), 4, 1.38);
    const result = validate([summarySheet(villages, total), householdSheet(listRows())]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([
      ['SUM.RATE', 10, 'E', 0.33, 1.33],
      ['SUM.LIST_MISMATCH', 11, 'D', 9, 6],
    ]);
  });

  it('a category the list has no household of is not compared (the workbook holds only the poor list)', () => {
    const poorOnly = listRows().filter((r) => r.category === 'Hộ nghèo');
    const result = validate([summarySheet(), householdSheet(poorOnly)]);
    expect(result.issues).toEqual([]);
  });
});

// Report 4 by village: A STT | B Thôn | C Tổng số hộ nghèo | D Tổng số thiếu hụt | E–P the 12 indicators.
const INDICATOR_LABELS = ['1. Việc làm', '2. Người phụ thuộc', '3. Dinh dưỡng', '4. Bảo hiểm y tế', '5. Trình độ giáo dục của người lớn', '6. Tình trạng đi học của trẻ em', '7. Chất lượng nhà ở', '8. Diện tích nhà ở', '9. Nguồn nước sinh hoạt', '10. Nhà tiêu hợp vệ sinh', '11. Dịch vụ viễn thông', '12. Phương tiện tiếp cận thông tin'];
const DEPRIVATION_HEADER: HeaderCell[] = ['STT', 'Thôn', 'Tổng số hộ nghèo', 'Tổng số thiếu hụt', ...INDICATOR_LABELS.map((label) => ({ group: 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản', label }))];
const INDICATOR_FIELDS = Array.from({ length: 12 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);

/** Poor households with their marks: Thôn 1 two (D01 D04 D09; D04 D07 D10), Thôn 2 one (D02 D04 D11). */
function poorWithMarks(): Row[] {
  const marks = (ids: string[]): Row => Object.fromEntries(ids.map((d) => [d, 'x']));
  return [
    household(1, { village: 'Thôn 1', ...marks(['D01', 'D04', 'D09']), deprivationCount: 3 }),
    household(2, { village: 'Thôn 1', ...marks(['D04', 'D07', 'D10']), deprivationCount: 3 }),
    household(3, { village: 'Thôn 2', ...marks(['D02', 'D04', 'D11']), deprivationCount: 3 }),
  ];
}
const LIST_FIELDS = ['seq', 'headName', 'headBirthYear', 'headGender', 'idNumber', 'village', 'size', 'category', ...INDICATOR_FIELDS, 'deprivationCount'];

function deprivationSheet(rows: readonly CellValue[][]): Grid {
  return sheet(DEPRIVATION_HEADER, [['A', 'B', ...Array.from({ length: 14 }, (_, i) => String(i + 1))], ...rows], {
    name: 'Thiếu hụt hộ nghèo',
    titleLines: ['ỦY BAN NHÂN DÂN XÃ XUÂN HOÀ', '', 'PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO', ''],
  });
}
//                         D01 D02 D03 D04 D05 D06 D07 D08 D09 D10 D11 D12
const THON_1: CellValue[] = [1, 'Thôn 1', 2, 6, 1, 0, 0, 2, 0, 0, 1, 0, 1, 1, 0, 0];
const THON_2: CellValue[] = [2, 'Thôn 2', 1, 3, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const DEPRIVATION_TOTAL: CellValue[] = [null, 'Tổng cộng', 3, 9, 1, 1, 0, 3, 0, 0, 1, 0, 1, 1, 1, 0];

describe('the deprivation summary (reports 4 and 6)', () => {
  it('is recognised with its twelve indicator columns and agrees with the list it counts', () => {
    const result = validate([deprivationSheet([THON_1, THON_2, DEPRIVATION_TOTAL]), householdSheet(poorWithMarks(), { fields: LIST_FIELDS })]);
    expect(result.sheets[0]).toEqual(
      expect.objectContaining({
        kind: 'summary',
        headerRow: 5,
        headerRows: 2,
        columns: { seq: 'A', place: 'B', poor: 'C', deprivationTotal: 'D', ...Object.fromEntries(INDICATOR_FIELDS.map((d, i) => [d, String.fromCharCode(69 + i)])) },
        dataRows: 2,
      }),
    );
    expect(result.issues).toEqual([]);
  });

  it('SUM.TOTAL when the total deprivations are not the twelve indicators added up; the column total is then not added up over it', () => {
    const result = validate([deprivationSheet([setCell(THON_1, 3, 7), THON_2, setCell(DEPRIVATION_TOTAL, 7, 4)]), householdSheet(poorWithMarks(), { fields: LIST_FIELDS })]);
    // Row 10 (the total) also says 4 households deprived on D04 where the villages say 2 + 1.
    expect(data(result.issues)).toEqual([
      { code: 'SUM.TOTAL', severity: 'error', sheet: 'Thiếu hụt hộ nghèo', row: 8, column: 'D', field: 'deprivationTotal', value: 7, expected: 6, params: { across: 'indicators' } },
      { code: 'SUM.TOTAL', severity: 'error', sheet: 'Thiếu hụt hộ nghèo', row: 10, column: 'H', field: 'D04', value: 4, expected: 3, params: { across: 'rows', rows: 2 } },
    ]);
    expect(result.issues[0]?.message).toBe('Tổng số thiếu hụt ghi 7, nhưng cộng 12 chỉ số thiếu hụt của dòng này được 6.');
  });

  it('SUM.LIST_MISMATCH on an indicator count that differs from the list, by village and in all', () => {
    // Thôn 2 says 1 household deprived on D03 (none in the list) and none on D02 (one in the list): its row still adds up to 3.
    const thon2 = setCell(setCell(THON_2, 5, 0), 6, 1);
    const total = setCell(setCell(DEPRIVATION_TOTAL, 5, 0), 6, 1);
    const result = validate([deprivationSheet([THON_1, thon2, total]), householdSheet(poorWithMarks(), { fields: LIST_FIELDS })]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.field, i.value, i.expected])).toEqual([
      ['SUM.LIST_MISMATCH', 9, 'F', 'D02', 0, 1],
      ['SUM.LIST_MISMATCH', 9, 'G', 'D03', 1, 0],
      ['SUM.LIST_MISMATCH', 10, 'F', 'D02', 0, 1],
      ['SUM.LIST_MISMATCH', 10, 'G', 'D03', 1, 0],
    ]);
    expect(result.issues[1]?.message).toBe('Bảng tổng hợp ghi 1 hộ nghèo thiếu hụt "Dinh dưỡng" ở Thôn 2, danh sách hộ có 0.');
  });

  it('a list without indicator columns cannot tell: only the households are compared', () => {
    const result = validate([deprivationSheet([THON_1, setCell(THON_2, 2, 2), setCell(DEPRIVATION_TOTAL, 2, 4)]), householdSheet(poorWithMarks())]);
    expect(data(result.issues).map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([
      ['SUM.LIST_MISMATCH', 9, 'C', 2, 1],
      ['SUM.LIST_MISMATCH', 10, 'C', 4, 3],
    ]);
  });
});
