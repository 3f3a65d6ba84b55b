import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { readTable, mappingOf } from '../../shared/table/read-table.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { parseDate, parseNumber, parseYearOrDate } from '../../shared/grid/values.ts';
import { periodFromTitle } from '../../shared/table/period-from-title.ts';

const HEADER = ['STT', 'Họ và tên chủ hộ', 'Năm sinh', 'Số CCCD', 'Thôn', 'Số nhân khẩu', 'Phân loại hộ', 'Thu nhập bình quân', 'Tổng số chỉ số thiếu hụt'];
const row = (n: number, name: string, village = 'Thôn 1', year: CellValue = 1970, id = `03807000000${n % 10}`): CellValue[] => [
  n, name, year, id.slice(0, 12).padEnd(12, '0'), village, 3, 'Hộ cận nghèo', 1_200_000, 1,
];

function grid(rows: CellValue[][], merges: string[] = []): Grid {
  return { name: 'DS', rows, merges };
}

function dataRowsOf(g: Grid): readonly number[] {
  const r = readTable(g);
  if (!r.ok) throw new Error('no table');
  return [...r.table.rows];
}

describe('reading the table out of an officer sheet', () => {
  it('finds the header under title lines and skips the numbering row', () => {
    const g = grid([
      ['UBND XÃ XUÂN HOÀ'],
      ['DANH SÁCH HỘ CẬN NGHÈO NĂM 2024'],
      [],
      HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
      row(1, 'Lê Văn An'),
      row(2, 'Trần Thị Bình'),
    ]);
    const r = readTable(g);
    expect(r.ok && [r.table.kind, r.table.headerRow, r.table.headerRows, [...r.table.rows], r.table.period]).toEqual(['households', 4, 1, [6, 7], '2024-Y']);
  });

  it('reads a two-row merged header: the Năm sinh → Nam / Nữ pair and a group over the indicators', () => {
    const g = grid(
      [
        ['STT', 'Họ và tên chủ hộ', 'Năm sinh', null, 'Số CCCD', 'Thôn', 'Số nhân khẩu', 'Phân loại hộ', 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản', null],
        [null, null, 'Nam', 'Nữ', null, null, null, null, 'Việc làm', 'Dinh dưỡng'],
        [1, 'Lê Văn An', 1970, null, '038070000001', 'Thôn 1', 3, 'Hộ cận nghèo', 'x', null],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1'],
    );
    const r = readTable(g);
    if (!r.ok) throw new Error('no table');
    expect(mappingOf(r.table)).toEqual({
      kind: 'households',
      headerRow: 1,
      headerRows: 2,
      columns: {
        seq: 'A', headName: 'B', 'headBirthYear.male': 'C', headBirthYear: 'C', 'headBirthYear.female': 'D', idNumber: 'E',
        village: 'F', size: 'G', category: 'H', D01: 'I', D03: 'J',
      },
    });
    expect([...r.table.rows]).toEqual([3]);
  });

  it('skips village group rows and subtotal rows, and ends at the total row before the signature block', () => {
    const g = grid([
      HEADER,
      ['I', 'Thôn 1'],
      row(1, 'Lê Văn An'),
      ['', 'Cộng thôn 1', null, null, null, 3],
      ['II', 'Thôn 2'],
      row(2, 'Trần Thị Bình', 'Thôn 2'),
      [null, 'Cộng', null, null, null, 3],
      row(3, 'Phạm Văn Cường', 'Thôn 2'),
      [null, 'Tổng cộng', null, null, null, 9],
      [],
      [null, null, null, null, 'Xuân Hoà, ngày 05 tháng 12 năm 2024'],
      [null, 'NGƯỜI LẬP BIỂU', null, null, 'CHỦ TỊCH'],
    ]);
    expect(dataRowsOf(g)).toEqual([3, 6, 8]);
  });

  it('without a total row, ends at two blank rows or at the signature block', () => {
    const twoBlank = grid([HEADER, row(1, 'An'), [], [], row(9, 'Not data')]);
    expect(dataRowsOf(twoBlank)).toEqual([2]);
    const signature = grid([HEADER, row(1, 'An'), [], [null, null, null, 'Xuân Hoà, ngày 05 tháng 12 năm 2024'], [null, 'Người lập biểu']]);
    expect(dataRowsOf(signature)).toEqual([2]);
  });

  it('keeps a head named Tống (not "Tổng"), and a row with one blank between data rows', () => {
    const g = grid([HEADER, row(1, 'Tống Văn Ba'), [], row(2, 'Cộng Thị Hoa')]);
    expect(dataRowsOf(g)).toEqual([2, 4]);
  });

  it('matches headers ignoring case, diacritics, NFD, hoà/hòa, dashes, spaces and line breaks', () => {
    const variants = [
      ['stt', 'HỌ VÀ TÊN CHỦ HỘ', 'Năm sinh', 'Số  CCCD', 'Thôn', 'Số nhân\nkhẩu', 'Phân loại hộ'],
      ['STT', 'Ho va ten chu ho', 'Nam sinh', 'So CCCD', 'Thon', 'So nhan khau', 'Phan loai ho'],
      ['STT', 'Họ và tên chủ hộ'.normalize('NFD'), 'Năm sinh'.normalize('NFD'), 'Số CCCD', 'Thôn', 'Số nhân khẩu', 'Phân loại hộ'.normalize('NFD')],
      ['STT', 'Họ tên chủ hộ', 'Năm sinh', 'CCCD/CMND', 'Thôn/Xóm', 'Số khẩu', 'Loại hộ'],
    ];
    for (const header of variants) {
      const r = readTable(grid([header, [1, 'An', 1970, '038070000001', 'Thôn 1', 3, 'CN']]));
      expect(r.ok && mappingOf(r.table).columns).toEqual({
        seq: 'A', headName: 'B', headBirthYear: 'C', idNumber: 'D', village: 'E', size: 'F', category: 'G',
      });
    }
    const hoa = validateWorkbook([{ grid: grid([HEADER, row(1, 'An', 'thôn 01'), row(2, 'Bình', 'Thôn  1'), row(3, 'Cường', 'THÔN 1'.normalize('NFD'))]) }], {
      plan: XUAN_HOA_2024,
      reportDate: '2024-12-05',
    });
    expect(hoa.issues.filter((i) => i.code === 'HH.VILLAGE_UNKNOWN')).toEqual([]);
  });

  it('a saved mapping round-trips, and a corrected mapping wins over detection', () => {
    const g = grid([HEADER, row(1, 'An'), row(2, 'Bình')]);
    const first = readTable(g);
    if (!first.ok) throw new Error('no table');
    const saved = mappingOf(first.table);
    const again = readTable(g, saved);
    expect(again.ok && mappingOf(again.table)).toEqual(saved);
    // The officer says the size is in column I (where the detector saw the deprivation count).
    const corrected = { ...saved, columns: { ...saved.columns, size: 'I', deprivationCount: 'F' } };
    const r = readTable(g, corrected);
    expect(r.ok && [r.table.columns.get('size'), r.table.columns.get('deprivationCount')]).toEqual([9, 6]);
  });

  it('a sheet with no table is listed with no kind; a workbook with none gives SHEET.UNKNOWN_KIND', () => {
    const cover = grid([['HƯỚNG DẪN NHẬP LIỆU'], ['1. Nhập mỗi hộ một dòng'], ['2. Lưu tệp dạng .xlsx']]);
    const result = validateWorkbook([{ grid: cover }], { plan: XUAN_HOA_2024 });
    expect(result.sheets).toEqual([{ name: 'DS', kind: null, headerRow: null, headerRows: null, columns: {}, dataRows: 0, period: null }]);
    expect(result.issues.map((i) => [i.code, i.row, i.column])).toEqual([['SHEET.UNKNOWN_KIND', null, null]]);
  });

  it('a workbook with no worksheet at all (only chart sheets) is an error, never clean', () => {
    const result = validateWorkbook([], { plan: XUAN_HOA_2024 });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([['SHEET.UNKNOWN_KIND', 'error', '']]);
  });

  it('a missing required column gives one SHEET.MISSING_COLUMN and the other rules still run; no rows gives SHEET.NO_ROWS', () => {
    const noVillage = grid([
      ['STT', 'Họ và tên chủ hộ', 'Số CCCD', 'Số nhân khẩu', 'Phân loại hộ'],
      [1, 'An', '038070000001', 0, 'Hộ nghèo'],
    ]);
    const r = validateWorkbook([{ grid: noVillage }], { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.field])).toEqual([
      ['SHEET.MISSING_COLUMN', null, null, 'village'],
      ['HH.SIZE_RANGE', 2, 'D', 'size'],
    ]);
    const empty = validateWorkbook([{ grid: grid([HEADER]) }], { plan: XUAN_HOA_2024 });
    expect(empty.issues.map((i) => i.code)).toEqual(['SHEET.NO_ROWS']);
  });
});

describe('values as officers type them', () => {
  it.each([
    [1500000, 1500000],
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1 500 000', 1500000],
    ['2,5', 2.5],
    ['95.5', 95.5],
    ['1.500.000,5', 1500000.5],
    ['-3', -3],
    ['1.500', 1500],
  ])('parseNumber(%j) = %j', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['chưa điều tra', '', '1.50.0', 'x', null])('parseNumber(%j) fails', (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });

  it('dates from date cells, Excel serials and dd/mm/yyyy text', () => {
    expect(parseDate({ date: '2024-06-20' })).toEqual({ ok: true, value: '2024-06-20' });
    expect(parseDate(45463)).toEqual({ ok: true, value: '2024-06-20' });
    expect(parseDate('20/06/2024')).toEqual({ ok: true, value: '2024-06-20' });
    expect(parseDate('31/02/2024').ok).toBe(false);
    expect(parseYearOrDate('12/03/1985')).toEqual({ ok: true, value: { year: 1985, date: '1985-03-12' } });
    expect(parseYearOrDate(1985)).toEqual({ ok: true, value: { year: 1985, date: null } });
    expect(parseYearOrDate(31120)).toEqual({ ok: true, value: { year: 1985, date: '1985-03-14' } });
  });

  it('periods from titles', () => {
    expect(periodFromTitle(['BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024'])).toBe('2024-Q2');
    expect(periodFromTitle(['Báo cáo 6 tháng đầu năm 2024'])).toBe('2024-H1');
    expect(periodFromTitle(['NĂM 2024'])).toBe('2024-Y');
    expect(periodFromTitle(['DANH SÁCH HỘ NGHÈO'])).toBeNull();
  });
});
