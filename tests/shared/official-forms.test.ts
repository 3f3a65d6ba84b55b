import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook, type WorkbookResult } from '../../shared/validate.ts';
import { cccd, picked, sheet } from './grid-builder.ts';

/**
 * The layouts of the official review lists and the national software's exports
 * (docs/official-forms-research.md §4): one row per person under the head's row, the category named
 * by the title, the village by group rows or an address, lists of indicators and reasons in one
 * column, and the forms' numbering rows "A | B | 1 | 2 | 3=2/1*100".
 */
function validate(grids: readonly Grid[]): WorkbookResult {
  return validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: '2024-12-31' });
}
const FORM_TITLE = ['ỦY BAN NHÂN DÂN XÃ XUÂN HOÀ', ''];

describe('the list of poor and near-poor households after the review, one row per person (§4.1)', () => {
  const header = ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Họ và tên thành viên', 'Quan hệ với chủ hộ', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Tỉnh', 'Xã', 'Mã xã', 'Thôn', 'Dân tộc', 'Phân loại hộ', 'Quyết định công nhận', 'Ngày ban hành QĐ', 'Điểm B1', 'Điểm B2', 'Hộ DTTS', 'Hộ không có khả năng lao động', 'Hộ có thành viên là người có công', 'Nguyên nhân nghèo', 'Ghi chú', 'Tuổi', 'Số nhân khẩu'];
  const numbering = header.map((_, i) => i + 1);
  const head = (n: number, code: string, name: string, year: number, category: string, b2: number, size: number): CellValue[] =>
    [n, code, name, null, 'Chủ hộ', year, 'Nam', cccd(year, 'Nam', n), 'Thanh Hoá', 'Xuân Hoà', '16003', 'Thôn 2', 'Kinh', category, '15/QĐ-UBND', '20/12/2024', 120, b2, null, null, null, 'Thiếu vốn; Thiếu đất sản xuất', null, 2024 - year, size];
  const member = (name: string, rel: string, year: number, gender: 'Nam' | 'Nữ', id: string | null): CellValue[] =>
    [null, null, null, name, rel, year, gender, id, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 2024 - year, null];

  it('maps every column, checks the members and counts them against the size', () => {
    const grid = sheet(header, [
      numbering,
      head(1, 'XH-01', 'Nguyễn Văn An', 1970, 'Hộ nghèo', 30, 3),
      member('Lê Thị Bình', 'Vợ', 1972, 'Nữ', cccd(1972, 'Nữ', 51)),
      member('Nguyễn Văn Cường', 'Con', 2010, 'Nam', null),
      head(2, 'XH-02', 'Trần Văn Dũng', 1965, 'Hộ cận nghèo', 10, 3),
      member('Phạm Thị Em', 'Vợ', 1968, 'Nữ', '03816800'),
    ], { titleLines: [...FORM_TITLE, 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT', ''] });
    const result = validate([grid]);
    expect(result.sheets[0]?.kind).toBe('households');
    expect(Object.keys(result.sheets[0]?.columns ?? {})).toHaveLength(header.length);
    // Row 5 is the header, 6 the numbering row: the second household says 3 people, 2 are listed; the wife's ID is short.
    expect(picked(result)).toEqual([
      { code: 'HH.MEMBER_COUNT', row: 10, column: 'Y' },
      { code: 'ID.FORMAT', row: 11, column: 'H' },
    ].map((i) => expect.objectContaining(i)));
    expect(result.households.map((h) => [h.headName, h.size, h.reasons])).toEqual([
      ['Nguyễn Văn An', 3, ['land', 'capital']],
      ['Trần Văn Dũng', 3, ['land', 'capital']],
    ]);
  });
});

describe('the list of households out of poverty: the category from the title, the village from the address', () => {
  const header = ['STT', 'Họ và tên chủ hộ và thành viên', 'Quan hệ với chủ hộ', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Dân tộc', 'Địa chỉ', 'Năm thoát nghèo', 'Ghi chú'];
  it('reads it without a category or village column', () => {
    const grid = sheet(header, [
      header.map((_, i) => i + 1),
      [1, 'Nguyễn Văn An', 'Chủ hộ', 'Nam', 1970, cccd(1970, 'Nam', 1), 'Kinh', 'Thôn 3, xã Xuân Hoà', 2024, null],
      [null, 'Lê Thị Bình', 'Vợ', 'Nữ', 1972, cccd(1972, 'Nữ', 2), 'Kinh', 'Thôn 3, xã Xuân Hoà', null, null],
      [2, 'Trần Văn Cường', 'Chủ hộ', 'Nam', 1960, cccd(1960, 'Nam', 3), 'Kinh', 'Thôn 12, xã Xuân Hoà', 2019, null],
    ], { titleLines: [...FORM_TITLE, 'DANH SÁCH HỘ THOÁT NGHÈO SAU KHI RÀ SOÁT', ''] });
    const result = validate([grid]);
    expect(result.sheets[0]?.kind).toBe('households');
    expect(picked(result)).toEqual([
      expect.objectContaining({ code: 'HH.VILLAGE_UNKNOWN', row: 9, column: 'H' }),
      expect.objectContaining({ code: 'HH.ESCAPED_WINDOW', row: 9, column: 'I' }),
    ]);
    expect(result.households.map((h) => [h.category, h.planVillage, h.size])).toEqual([
      ['newlyEscaped', 'Thôn 3', 2],
      ['newlyEscaped', null, 1],
    ]);
    expect(result.sheets[0]?.columns.village).toBe('H');
  });
});

describe('the detail list of poor households (software report 15, §4.2)', () => {
  const header = [
    'STT chủ hộ', 'STT thành viên hộ', 'Họ, tên chủ hộ và thành viên trong hộ; thôn, bon, buôn, tổ dân phố',
    { group: 'Năm sinh', label: 'Nam' }, { group: 'Năm sinh', label: 'Nữ' }, 'Dân tộc', 'Quan hệ với chủ hộ',
    { group: 'Chia hộ nghèo theo', label: 'Nghèo mới' }, { group: 'Chia hộ nghèo theo', label: 'Tái nghèo' }, { group: 'Chia hộ nghèo theo', label: 'Nghèo cũ' },
    'Hộ chính sách có công', 'Hộ DTTC', 'Hộ không có khả năng lao động',
    ...['Hỗ trợ y tế', 'Hỗ trợ giáo dục', 'Hỗ trợ sản xuất', 'Hỗ trợ vay vốn tín dụng', 'Hỗ trợ nhà ở', 'Khác'].map((label) => ({ group: 'Chính sách hỗ trợ tiếp cận với các dịch vụ xã hội cơ bản', label })),
  ] as const;
  it('reads villages from the group rows, the category from the marks, the size from the members', () => {
    const grid = sheet(header, [
      ['A', 'B', 'C', ...Array.from({ length: 16 }, (_, i) => String(i + 1))],
      [null, null, 'Thôn 1'],
      [1, 1, 'Nguyễn Văn An', 1970, null, 'Kinh', 'Chủ hộ', 'x', null, null, null, null, null, 'x'],
      [null, 2, 'Lê Thị Bình', null, 1972, 'Kinh', 'Vợ'],
      [null, null, 'Thôn 8'],
      [2, 1, 'Trần Văn Cường', 1960, null, 'Kinh', 'Chủ hộ', 'x', 'x'],
    ], { titleLines: [...FORM_TITLE, 'DANH SÁCH CHI TIẾT HỘ NGHÈO', ''] });
    const result = validate([grid]);
    expect(result.sheets[0]?.kind).toBe('households');
    expect(result.sheets[0]?.headerRows).toBe(2);
    expect(new Set(Object.values(result.sheets[0]?.columns ?? {})).size).toBe(header.length);
    expect(picked(result)).toEqual([
      expect.objectContaining({ code: 'HH.VILLAGE_UNKNOWN', row: 11, column: 'C' }),
      expect.objectContaining({ code: 'HH.CATEGORY_UNKNOWN', row: 12 }),
    ]);
    expect(result.households.map((h) => [h.category, h.planVillage, h.size])).toEqual([
      ['poor', 'Thôn 1', 2],
      [null, null, 1],
    ]);
  });
});

describe('a software export: indicators and reasons as numbers, "Hộ không nghèo"', () => {
  const header = ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Năm sinh', 'Giới tính', 'Số định danh cá nhân', 'Mã thôn', 'Thôn', 'Số nhân khẩu', 'Phân loại hộ', 'Điểm phiếu B1', 'Điểm phiếu B2', 'Các chỉ số thiếu hụt', 'Nguyên nhân nghèo', 'Hộ KCKNLĐ', 'Hộ CSCC'];
  it('counts the listed indicators against B2 and the category', () => {
    const row = (n: number, category: string, b2: number, list: string, reasons: string): CellValue[] =>
      [n, `XH-${n}`, `Chủ hộ ${n}`, 1970, 'Nam', cccd(1970, 'Nam', n), '0302', 'Thôn 3', 4, category, 120, b2, list, reasons, null, null];
    const grid = sheet(header, [
      header.map((_, i) => `(${i + 1})`),
      row(1, 'Nghèo', 30, '1, 4, 9', '2; 5'),
      row(2, 'Cận nghèo', 30, '1; 14', '1'),
      row(3, 'Hộ không nghèo', 0, '', ''),
      row(4, 'Nghèo', 20, 'CS1, CS4', 'Do đông con'),
    ], { titleLines: ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', ''] });
    const result = validate([grid]);
    expect(Object.keys(result.sheets[0]?.columns ?? {})).toHaveLength(header.length);
    expect(picked(result)).toEqual([
      expect.objectContaining({ code: 'CELL.TYPE', row: 6, column: 'M' }),
      expect.objectContaining({ code: 'HH.CATEGORY_UNKNOWN', row: 7, column: 'J' }),
      expect.objectContaining({ code: 'HH.CLASS_MISMATCH', row: 8, column: 'J' }),
    ]);
    expect(result.issues.find((i) => i.row === 7)?.message).toContain('hộ không nghèo');
    expect(result.households.map((h) => [h.deprivations, h.reasons])).toEqual([
      [['D01', 'D04', 'D09'], ['capital', 'knowledge']],
      [null, ['land']],
      [[], []],
      [['D01', 'D04'], ['other']],
    ]);
  });
});
