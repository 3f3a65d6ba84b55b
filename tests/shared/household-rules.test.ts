import { describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { type ValidateOptions, type WorkbookResult, validateWorkbook } from '../../shared/validate.ts';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_HEADERS,
  HOUSEHOLD_TITLE,
  cccd,
  fieldSheet,
  household,
  householdSheet,
  picked,
} from './grid-builder.ts';

/**
 * Household rules (SPEC sections 2–4) through validateWorkbook. Default layout, header on row 4,
 * first household on row 5:
 * A STT | B Họ và tên chủ hộ | C Năm sinh | D Giới tính | E Số CCCD | F Thôn | G Số nhân khẩu | H Phân loại hộ,
 * extra columns from I on.
 */
const HH = 'Hộ nghèo';

function validate(grids: readonly Grid[], options: Partial<ValidateOptions> = {}): WorkbookResult {
  return validateWorkbook(
    grids.map((grid) => ({ grid })),
    { plan: XUAN_HOA_2024, reportDate: '2024-12-31', ...options },
  );
}

const INDICATOR_FIELDS = Array.from({ length: 12 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
/** Marks for the first n indicators (CS1 … CSn). */
function marks(n: number): Record<string, string> {
  return Object.fromEntries(INDICATOR_FIELDS.slice(0, n).map((id) => [id, 'x']));
}

describe('a valid household list', () => {
  it('gives no issue and maps every column', () => {
    const result = validate([householdSheet([household(0), household(1), household(2, { category: 'Hộ cận nghèo' })])]);
    expect(picked(result)).toEqual([]);
    expect(result.sheets).toEqual([
      {
        name: HH,
        kind: 'households',
        headerRow: 4,
        headerRows: 1,
        columns: { seq: 'A', headName: 'B', headBirthYear: 'C', headGender: 'D', idNumber: 'E', village: 'F', size: 'G', category: 'H' },
        dataRows: 3,
        period: '2024-Y',
      },
    ]);
    expect(result.households.map((h) => [h.row, h.category])).toEqual([
      [5, 'poor'],
      [6, 'poor'],
      [7, 'nearPoor'],
    ]);
  });
});

describe('CELL.REQUIRED', () => {
  it('passes when every required value is there', () => {
    expect(picked(validate([householdSheet([household(0)])]))).toEqual([]);
  });

  it('flags each blank required cell: head name, ID, village, size, category', () => {
    const result = validate([
      householdSheet([
        household(0, { headName: null }),
        household(1, { idNumber: null }),
        household(2, { village: null }),
        household(3, { size: null }),
        household(4, { category: '  ' }),
      ]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'CELL.REQUIRED', severity: 'error', sheet: HH, row: 5, column: 'B', field: 'headName', value: null },
      { code: 'CELL.REQUIRED', severity: 'error', sheet: HH, row: 6, column: 'E', field: 'idNumber', value: null },
      { code: 'CELL.REQUIRED', severity: 'error', sheet: HH, row: 7, column: 'F', field: 'village', value: null },
      { code: 'CELL.REQUIRED', severity: 'error', sheet: HH, row: 8, column: 'G', field: 'size', value: null },
      { code: 'CELL.REQUIRED', severity: 'error', sheet: HH, row: 9, column: 'H', field: 'category', value: '  ' },
    ]);
  });
});

describe('CELL.TYPE', () => {
  it('accepts a year as text, a date cell, and a size written as text', () => {
    const result = validate([
      householdSheet([
        household(0, { headBirthYear: '1970' }),
        household(1, { headBirthYear: { date: '1971-06-15' } }),
        household(2, { size: '5' }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags a birth year that is no year, one before 1900 or after the report year, and a size that is no number', () => {
    const result = validate([
      householdSheet([
        household(0, { headBirthYear: 'năm 70' }),
        household(1, { headBirthYear: 1850 }),
        household(2, { headBirthYear: 2025 }),
        household(3, { size: 'bốn' }),
      ]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 5, column: 'C', field: 'headBirthYear', value: 'năm 70' },
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 6, column: 'C', field: 'headBirthYear', value: 1850 },
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 7, column: 'C', field: 'headBirthYear', value: 2025 },
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 8, column: 'G', field: 'size', value: 'bốn' },
    ]);
  });
});

describe('CELL.FORMULA_ERROR', () => {
  it('flags a cell showing #REF! or #VALUE!, and nothing else about it', () => {
    const result = validate([
      householdSheet([household(0, { size: { error: '#REF!' } }), household(1, { village: { error: '#VALUE!' } }), household(2)]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'CELL.FORMULA_ERROR', severity: 'error', sheet: HH, row: 5, column: 'G', field: 'size', value: '#REF!' },
      { code: 'CELL.FORMULA_ERROR', severity: 'error', sheet: HH, row: 6, column: 'F', field: 'village', value: '#VALUE!' },
    ]);
  });
});

describe('CELL.LEGACY_ENCODING', () => {
  it('passes Unicode text in a .VnTime cell', () => {
    const result = validate([householdSheet([household(0, { headName: 'Lê Văn Tuấn' })], { fonts: { B5: '.VnTime' } })]);
    expect(picked(result)).toEqual([]);
  });

  it('warns on TCVN3 text in a .VnTime cell', () => {
    const result = validate([householdSheet([household(0, { headName: 'Lß V¨n TuÊn' })], { fonts: { B5: '.VnTime' } })]);
    expect(picked(result)).toEqual([
      { code: 'CELL.LEGACY_ENCODING', severity: 'warning', sheet: HH, row: 5, column: 'B', field: 'headName', value: 'Lß V¨n TuÊn' },
    ]);
    expect(result.issues[0]?.message).toContain('TCVN3');
    expect(result.ok).toBe(true);
  });
});

describe('ID.FORMAT', () => {
  it('passes a 12-digit ID, as text or with spaces', () => {
    const result = validate([
      householdSheet([household(0, { idNumber: '038070000100' }), household(1, { idNumber: '038 171 000 101' })]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('warns on an old 9-digit identity card number', () => {
    const result = validate([householdSheet([household(0, { idNumber: '172345678' })])]);
    expect(picked(result)).toEqual([
      { code: 'ID.FORMAT', severity: 'warning', sheet: HH, row: 5, column: 'E', field: 'idNumber', value: '172345678' },
    ]);
    expect(result.ok).toBe(true);
  });

  it('flags 11 digits stored as a number and offers the ID with its leading 0 restored', () => {
    const result = validate([householdSheet([household(0, { idNumber: 38070000100 })])]);
    expect(picked(result)).toEqual([
      {
        code: 'ID.FORMAT',
        severity: 'error',
        sheet: HH,
        row: 5,
        column: 'E',
        field: 'idNumber',
        value: 38070000100,
        expected: '038070000100',
      },
    ]);
    expect(result.issues[0]?.message).toContain('Excel đã bỏ số 0');
  });

  it('flags 10 digits and an ID with letters', () => {
    const result = validate([
      householdSheet([household(0, { idNumber: '0380700001' }), household(1, { idNumber: '03817100010A' })]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'ID.FORMAT', severity: 'error', sheet: HH, row: 5, column: 'E', field: 'idNumber', value: '0380700001' },
      { code: 'ID.FORMAT', severity: 'error', sheet: HH, row: 6, column: 'E', field: 'idNumber', value: '03817100010A' },
    ]);
  });
});

describe('ID.PROVINCE', () => {
  it('passes any province code, not only the commune’s own (001 Hà Nội)', () => {
    const result = validate([householdSheet([household(0, { idNumber: cccd(1970, 'Nam', 5, '001') })])]);
    expect(picked(result)).toEqual([]);
  });

  it('flags first three digits that are no province code', () => {
    const result = validate([householdSheet([household(0, { idNumber: '003070000100' })])]);
    expect(picked(result)).toEqual([
      { code: 'ID.PROVINCE', severity: 'error', sheet: HH, row: 5, column: 'E', field: 'idNumber', value: '003070000100' },
    ]);
  });
});

describe('ID.BIRTH_MISMATCH', () => {
  it('passes an ID whose century/gender digit and year digits agree (1900s and 2000s)', () => {
    const result = validate([
      householdSheet([
        household(0, { headBirthYear: 1975, headGender: 'Nam', idNumber: '038075000001' }),
        household(1, { headBirthYear: 1980, headGender: 'Nữ', idNumber: '038180000002' }),
        household(2, { headBirthYear: 2005, headGender: 'Nữ', idNumber: '038305000003' }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('warns when the year digits, the century or the gender disagree', () => {
    const result = validate([
      householdSheet([
        household(0, { headBirthYear: 1975, headGender: 'Nam', idNumber: '038080000001' }),
        household(1, { headBirthYear: 2005, headGender: 'Nam', idNumber: '038005000002' }),
        household(2, { headBirthYear: 1980, headGender: 'Nữ', idNumber: '038080000003' }),
      ]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'ID.BIRTH_MISMATCH', severity: 'warning', sheet: HH, row: 5, column: 'E', field: 'idNumber', value: '038080000001' },
      { code: 'ID.BIRTH_MISMATCH', severity: 'warning', sheet: HH, row: 6, column: 'E', field: 'idNumber', value: '038005000002' },
      { code: 'ID.BIRTH_MISMATCH', severity: 'warning', sheet: HH, row: 7, column: 'E', field: 'idNumber', value: '038080000003' },
    ]);
  });

  describe('with the classic "Năm sinh" → Nam / Nữ pair (header rows 4–5, data from row 6)', () => {
    // A STT | B Họ và tên chủ hộ | C Năm sinh/Nam | D Năm sinh/Nữ | E Số CCCD | F Thôn | G Số nhân khẩu | H Phân loại hộ
    const fields = ['seq', 'headName', 'headBirthYear.male', 'headBirthYear.female', 'idNumber', 'village', 'size', 'category'];
    const row = (n: number, cells: Record<string, number | string | null>) =>
      household(n, { headBirthYear: null, headGender: null, ...cells });

    it('reads the gender from the column the year is under', () => {
      const result = validate([
        householdSheet(
          [
            row(0, { 'headBirthYear.male': 1975, idNumber: '038075000001' }),
            row(1, { 'headBirthYear.female': 1980, idNumber: '038180000002' }),
          ],
          { fields },
        ),
      ]);
      expect(result.sheets[0]?.columns).toMatchObject({ 'headBirthYear.male': 'C', 'headBirthYear.female': 'D' });
      expect(result.households.map((h) => [h.row, h.headBirthYear, h.headGender])).toEqual([
        [6, 1975, 'male'],
        [7, 1980, 'female'],
      ]);
      expect(picked(result)).toEqual([]);
    });

    it('warns when the ID’s gender digit disagrees with the column the year is under', () => {
      const result = validate([
        householdSheet(
          [
            row(0, { 'headBirthYear.female': 1975, idNumber: '038075000001' }),
            row(1, { 'headBirthYear.male': 1980, idNumber: '038180000002' }),
          ],
          { fields },
        ),
      ]);
      expect(picked(result)).toEqual([
        { code: 'ID.BIRTH_MISMATCH', severity: 'warning', sheet: HH, row: 6, column: 'E', field: 'idNumber', value: '038075000001' },
        { code: 'ID.BIRTH_MISMATCH', severity: 'warning', sheet: HH, row: 7, column: 'E', field: 'idNumber', value: '038180000002' },
      ]);
    });
  });
});

describe('ID.DUPLICATE', () => {
  it('passes distinct IDs', () => {
    expect(picked(validate([householdSheet([household(0), household(2), household(4)])]))).toEqual([]);
  });

  it('flags the later row only', () => {
    const id = cccd(1970, 'Nam', 100);
    const result = validate([
      householdSheet([household(0, { idNumber: id }), household(2, { headBirthYear: 1970, idNumber: id }), household(4, { headBirthYear: 1970, idNumber: id })]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'ID.DUPLICATE', severity: 'error', sheet: HH, row: 6, column: 'E', field: 'idNumber', value: id },
      { code: 'ID.DUPLICATE', severity: 'error', sheet: HH, row: 7, column: 'E', field: 'idNumber', value: id },
    ]);
  });
});

describe('HH.CODE_DUPLICATE', () => {
  const fields = [...HOUSEHOLD_FIELDS, 'householdCode']; // I Mã hộ

  it('passes distinct codes and blank codes', () => {
    const result = validate([
      householdSheet(
        [household(0, { householdCode: 'XH-001' }), household(1, { householdCode: 'XH-002' }), household(2), household(3)],
        { fields },
      ),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags the later row with the same code', () => {
    const result = validate([
      householdSheet(
        [household(0, { householdCode: 'XH-001' }), household(1, { householdCode: 'XH-002' }), household(2, { householdCode: 'XH-001' })],
        { fields },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.CODE_DUPLICATE', severity: 'error', sheet: HH, row: 7, column: 'I', field: 'householdCode', value: 'XH-001' },
    ]);
  });
});

describe('HH.VILLAGE_UNKNOWN', () => {
  it('accepts the plan’s villages written leniently: "thôn 01", "Thôn  1", NFD, upper case', () => {
    const result = validate([
      householdSheet([
        household(0, { village: 'thôn 01' }),
        household(1, { village: 'Thôn  1' }),
        household(2, { village: 'Thôn 1'.normalize('NFD') }),
        household(3, { village: 'THÔN 7' }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
    expect(result.households.map((h) => h.planVillage)).toEqual(['Thôn 1', 'Thôn 1', 'Thôn 1', 'Thôn 7']);
  });

  it('flags a village that is not in the plan', () => {
    const result = validate([householdSheet([household(0, { village: 'Thôn 8' }), household(1, { village: 'Làng Mới' })])]);
    expect(picked(result)).toEqual([
      { code: 'HH.VILLAGE_UNKNOWN', severity: 'error', sheet: HH, row: 5, column: 'F', field: 'village', value: 'Thôn 8' },
      { code: 'HH.VILLAGE_UNKNOWN', severity: 'error', sheet: HH, row: 6, column: 'F', field: 'village', value: 'Làng Mới' },
    ]);
  });
});

describe('HH.SIZE_RANGE', () => {
  it('passes 1 and 30', () => {
    expect(picked(validate([householdSheet([household(0, { size: 1 }), household(1, { size: 30 })])]))).toEqual([]);
  });

  it('flags 0, 31 and 2.5', () => {
    const result = validate([householdSheet([household(0, { size: 0 }), household(1, { size: 31 }), household(2, { size: 2.5 })])]);
    expect(picked(result)).toEqual([
      { code: 'HH.SIZE_RANGE', severity: 'error', sheet: HH, row: 5, column: 'G', field: 'size', value: 0 },
      { code: 'HH.SIZE_RANGE', severity: 'error', sheet: HH, row: 6, column: 'G', field: 'size', value: 31 },
      { code: 'HH.SIZE_RANGE', severity: 'error', sheet: HH, row: 7, column: 'G', field: 'size', value: 2.5 },
    ]);
  });
});

describe('HH.CATEGORY_UNKNOWN', () => {
  it('accepts the category words and their abbreviations', () => {
    const result = validate([
      householdSheet([
        household(0, { category: 'Hộ nghèo' }),
        household(1, { category: 'N' }),
        household(2, { category: 'cn' }),
        household(3, { category: 'Hộ cận nghèo' }),
        household(4, { category: 'MTN' }),
        household(5, { category: 'HỘ MỚI THOÁT NGHÈO' }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
    expect(result.households.map((h) => h.category)).toEqual(['poor', 'poor', 'nearPoor', 'nearPoor', 'newlyEscaped', 'newlyEscaped']);
  });

  it('flags a category word that is not recognised', () => {
    const result = validate([householdSheet([household(0, { category: 'Hộ khá' })])]);
    expect(picked(result)).toEqual([
      { code: 'HH.CATEGORY_UNKNOWN', severity: 'error', sheet: HH, row: 5, column: 'H', field: 'category', value: 'Hộ khá' },
    ]);
  });

  describe('with one mark column per category', () => {
    // … G Số nhân khẩu | H Hộ nghèo | I Hộ cận nghèo | J Hộ mới thoát nghèo
    const fields = ['seq', 'headName', 'headBirthYear', 'headGender', 'idNumber', 'village', 'size', 'category.poor', 'category.nearPoor', 'category.newlyEscaped'];
    const row = (n: number, m: Record<string, string | number | null>) => household(n, m);

    it('passes exactly one mark per household', () => {
      const result = validate([
        householdSheet(
          [row(0, { 'category.poor': 'x' }), row(1, { 'category.nearPoor': 'X' }), row(2, { 'category.newlyEscaped': 1 })],
          { fields },
        ),
      ]);
      expect(picked(result)).toEqual([]);
      expect(result.households.map((h) => h.category)).toEqual(['poor', 'nearPoor', 'newlyEscaped']);
    });

    it('flags none marked and two marked, with no column', () => {
      const result = validate([
        householdSheet([row(0, {}), row(1, { 'category.poor': 'x', 'category.nearPoor': 'x' })], { fields }),
      ]);
      expect(picked(result)).toEqual([
        { code: 'HH.CATEGORY_UNKNOWN', severity: 'error', sheet: HH, row: 5, column: null, field: 'category', value: null },
        { code: 'HH.CATEGORY_UNKNOWN', severity: 'error', sheet: HH, row: 6, column: null, field: 'category', value: 'poor, nearPoor' },
      ]);
      expect(result.issues[0]?.message).toContain('Chưa đánh dấu');
    });

    it('flags none marked when the row stops before the mark columns (ragged row = blank cells)', () => {
      const grid = householdSheet([row(0, {}), row(1, { 'category.poor': 'x' })], { fields });
      // A reader may leave trailing empty cells out: the Grid is ragged, missing cells are empty (grid.ts).
      grid.rows[4] = (grid.rows[4] ?? []).slice(0, 7);
      const result = validate([grid]);
      expect(picked(result)).toEqual([
        { code: 'HH.CATEGORY_UNKNOWN', severity: 'error', sheet: HH, row: 5, column: null, field: 'category', value: null },
      ]);
    });
  });
});

describe('HH.DEPRIVATION_COUNT', () => {
  // … H Phân loại hộ | I–T CS1…CS12 | U Tổng số chỉ số thiếu hụt
  const fields = [...HOUSEHOLD_FIELDS, ...INDICATOR_FIELDS, 'deprivationCount'];

  it('passes a stated total equal to the marks counted (0 included)', () => {
    const result = validate([
      householdSheet(
        [household(0, { ...marks(3), deprivationCount: 3 }), household(1, { category: 'CN', deprivationCount: 0 })],
        { fields },
      ),
    ]);
    expect(picked(result)).toEqual([]);
    expect(result.households.map((h) => h.deprivations)).toEqual([['D01', 'D02', 'D03'], []]);
  });

  it('flags the stated total when it differs from the marks counted', () => {
    const result = validate([householdSheet([household(0, { ...marks(3), deprivationCount: 2 })], { fields })]);
    expect(picked(result)).toEqual([
      { code: 'HH.DEPRIVATION_COUNT', severity: 'error', sheet: HH, row: 5, column: 'U', field: 'deprivationCount', value: 2, expected: 3 },
    ]);
  });
});

describe('indicator marks that are not marks', () => {
  const fields = [...HOUSEHOLD_FIELDS, ...INDICATOR_FIELDS, 'deprivationCount'];

  it('gives each bad cell its own CELL.TYPE, and no count check on a row that has one', () => {
    const result = validate([householdSheet([household(0, { ...marks(3), D02: 'y', D05: '?', deprivationCount: 3 })], { fields })]);
    expect(picked(result)).toEqual([
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 5, column: 'J', field: 'D02', value: 'y' },
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 5, column: 'M', field: 'D05', value: '?' },
    ]);
    expect(result.households[0]?.deprivations).toBeNull();
  });
});

describe('HH.B2_MISMATCH', () => {
  // … H Phân loại hộ | I Tổng số chỉ số thiếu hụt | J Điểm B2
  const fields = [...HOUSEHOLD_FIELDS, 'deprivationCount', 'b2Score'];

  it('passes B2 = 10 × the deprivation count', () => {
    const result = validate([
      householdSheet([household(0, { deprivationCount: 3, b2Score: 30 }), household(1, { category: 'CN', deprivationCount: 0, b2Score: 0 })], {
        fields,
      }),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags B2 when it is not 10 × the deprivation count', () => {
    const result = validate([householdSheet([household(0, { deprivationCount: 3, b2Score: 20 })], { fields })]);
    expect(picked(result)).toEqual([
      { code: 'HH.B2_MISMATCH', severity: 'error', sheet: HH, row: 5, column: 'J', field: 'b2Score', value: 20, expected: 30 },
    ]);
  });
});

describe('HH.CLASS_MISMATCH', () => {
  // … H Phân loại hộ | I Thu nhập bình quân (đồng/người/tháng) | J Điểm B1 | K Tổng số chỉ số thiếu hụt
  const fields = [...HOUSEHOLD_FIELDS, 'income', 'b1Score', 'deprivationCount'];
  const POOR = 'Hộ nghèo';
  const NEAR = 'Hộ cận nghèo';

  it('passes categories that agree with the income side and the deprivations (boundaries on the poor side)', () => {
    const result = validate([
      householdSheet(
        [
          household(0, { category: POOR, income: 1_500_000, deprivationCount: 3 }),
          household(1, { category: NEAR, income: 1_500_000, deprivationCount: 2 }),
          household(2, { category: NEAR, income: 900_000, deprivationCount: 0 }),
          household(3, { category: POOR, income: '1.500.000', deprivationCount: 4 }),
          // B1 decides the income side when present, even against the income column.
          household(4, { category: POOR, income: 2_000_000, b1Score: 140, deprivationCount: 3 }),
          // Newly escaped households are not judged by this rule.
          household(5, { category: 'Hộ mới thoát nghèo', income: 3_000_000, deprivationCount: 0 }),
        ],
        { fields },
      ),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags an income just above the line, 3 deprivations for near-poor, 2 for poor, and B1 141', () => {
    const result = validate([
      householdSheet(
        [
          household(0, { category: POOR, income: 1_500_001, deprivationCount: 3 }),
          household(1, { category: NEAR, income: 1_000_000, deprivationCount: 3 }),
          household(2, { category: POOR, income: 1_000_000, deprivationCount: 2 }),
          household(3, { category: POOR, income: 1_000_000, b1Score: 141, deprivationCount: 3 }),
        ],
        { fields },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 5, column: 'H', field: 'category', value: POOR, expected: null },
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: 'H', field: 'category', value: NEAR, expected: 'poor' },
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 7, column: 'H', field: 'category', value: POOR, expected: 'nearPoor' },
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 8, column: 'H', field: 'category', value: POOR, expected: null },
    ]);
    expect(result.issues[0]?.message).toContain('mdp-2022');
  });

  it('counts the marks where the sheet has indicator columns', () => {
    const withMarks = [...HOUSEHOLD_FIELDS, 'income', ...INDICATOR_FIELDS]; // I income, J–U CS1…CS12
    const result = validate([
      householdSheet(
        [household(0, { income: 1_000_000, ...marks(3) }), household(1, { income: 1_000_000, ...marks(2) })],
        { fields: withMarks },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: 'H', field: 'category', value: POOR, expected: 'nearPoor' },
    ]);
  });

  it('uses B2 ÷ 10 when there is neither marks nor a stated total', () => {
    const withB2 = [...HOUSEHOLD_FIELDS, 'income', 'b2Score']; // I income, J Điểm B2
    const result = validate([
      householdSheet([household(0, { income: 1_000_000, b2Score: 30 }), household(1, { income: 1_000_000, b2Score: 20 })], { fields: withB2 }),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: 'H', field: 'category', value: POOR, expected: 'nearPoor' },
    ]);
  });

  it('converts an income stated in nghìn đồng before comparing', () => {
    const grid = fieldSheet(
      { ...HOUSEHOLD_HEADERS, income: 'Thu nhập bình quân (nghìn đồng/người/tháng)' },
      [...HOUSEHOLD_FIELDS, 'income', 'deprivationCount'],
      [household(0, { income: 1500, deprivationCount: 3 }), household(1, { income: 1501, deprivationCount: 3 })],
      { name: HH, titleLines: HOUSEHOLD_TITLE },
    );
    expect(picked(validate([grid]))).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: 'H', field: 'category', value: POOR, expected: null },
    ]);
  });

  it('points at no column when the category is given by mark columns', () => {
    // … G Số nhân khẩu | H Hộ nghèo | I Hộ cận nghèo | J Hộ mới thoát nghèo | K income | L stated total
    const markFields = ['seq', 'headName', 'headBirthYear', 'headGender', 'idNumber', 'village', 'size', 'category.poor', 'category.nearPoor', 'category.newlyEscaped', 'income', 'deprivationCount'];
    const result = validate([
      householdSheet(
        [
          household(0, { 'category.poor': 'x', income: 1_000_000, deprivationCount: 3 }),
          household(1, { 'category.poor': 'x', income: 2_000_000, deprivationCount: 3 }),
        ],
        { fields: markFields },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: null, field: 'category', value: 'poor', expected: null },
    ]);
  });

  it('uses the mdp-2027 lines when the report date is in 2027', () => {
    const rows = [
      household(0, { category: POOR, income: 2_200_000, deprivationCount: 3 }),
      household(1, { category: POOR, income: 2_200_001, deprivationCount: 3 }),
      household(2, { category: NEAR, income: 1_800_000, deprivationCount: 1 }),
    ];
    const in2027 = validate([householdSheet(rows, { fields })], { reportDate: '2027-06-30' });
    expect(in2027.rulePack).toBe('mdp-2027');
    expect(picked(in2027)).toEqual([
      { code: 'HH.CLASS_MISMATCH', severity: 'error', sheet: HH, row: 6, column: 'H', field: 'category', value: POOR, expected: null },
    ]);
    // The same rows under mdp-2022 (2024): all three are above 1,500,000.
    const in2024 = validate([householdSheet(rows, { fields })]);
    expect(in2024.rulePack).toBe('mdp-2022');
    expect(picked(in2024).map((i) => [i.code, i.row])).toEqual([
      ['HH.CLASS_MISMATCH', 5],
      ['HH.CLASS_MISMATCH', 6],
      ['HH.CLASS_MISMATCH', 7],
    ]);
  });

  it('is skipped when the income cell has a formula error: one bad cell, one issue', () => {
    const result = validate([
      householdSheet([household(0, { category: POOR, income: { error: '#REF!' }, deprivationCount: 0 })], { fields }),
    ]);
    expect(picked(result)).toEqual([
      { code: 'CELL.FORMULA_ERROR', severity: 'error', sheet: HH, row: 5, column: 'I', field: 'income', value: '#REF!' },
    ]);
  });

  it('is skipped when the income is not a number: one CELL.TYPE only', () => {
    const result = validate([householdSheet([household(0, { category: POOR, income: 'chưa rõ', deprivationCount: 0 })], { fields })]);
    expect(picked(result)).toEqual([
      { code: 'CELL.TYPE', severity: 'error', sheet: HH, row: 5, column: 'I', field: 'income', value: 'chưa rõ' },
    ]);
  });
});

describe('HH.ESCAPED_WINDOW (report date 2024-12-05)', () => {
  const fields = [...HOUSEHOLD_FIELDS, 'escapedYear']; // I Năm thoát nghèo
  const MTN = 'Hộ mới thoát nghèo';
  const options = { reportDate: '2024-12-05' };

  it('passes escape years 2021 and 2024, and a poor household without one', () => {
    const result = validate(
      [
        householdSheet(
          [household(0, { category: MTN, escapedYear: 2021 }), household(1, { category: MTN, escapedYear: 2024 }), household(2, { category: 'Hộ nghèo' })],
          { fields },
        ),
      ],
      options,
    );
    expect(picked(result)).toEqual([]);
  });

  it('flags 2020, 2025 and a blank escape year, at the escape-year column', () => {
    const result = validate(
      [
        householdSheet(
          [household(0, { category: MTN, escapedYear: 2020 }), household(1, { category: MTN, escapedYear: 2025 }), household(2, { category: MTN })],
          { fields },
        ),
      ],
      options,
    );
    expect(picked(result)).toEqual([
      { code: 'HH.ESCAPED_WINDOW', severity: 'error', sheet: HH, row: 5, column: 'I', field: 'escapedYear', value: 2020 },
      { code: 'HH.ESCAPED_WINDOW', severity: 'error', sheet: HH, row: 6, column: 'I', field: 'escapedYear', value: 2025 },
      { code: 'HH.ESCAPED_WINDOW', severity: 'error', sheet: HH, row: 7, column: 'I', field: 'escapedYear', value: null },
    ]);
    expect(result.issues[2]?.message).toContain('phải ghi năm thoát nghèo');
  });
});

describe('HH.AGE_RANGE (report date 2024-12-31)', () => {
  const at = (n: number, birthYear: number | { date: string }, idYear: number) => {
    const gender = n % 2 === 1 ? 'Nữ' : 'Nam';
    return household(n, { headBirthYear: birthYear, headGender: gender, idNumber: cccd(idYear, gender, 200 + n) });
  };

  it('passes heads aged 15 and 110 (by year or by date)', () => {
    const result = validate([
      householdSheet([at(0, 2009, 2009), at(1, 1914, 1914), at(2, { date: '2009-12-31' }, 2009)]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('warns on heads aged 14 and 111, at the birth year', () => {
    const result = validate([
      householdSheet([at(0, 2010, 2010), at(1, 1913, 1913), at(2, { date: '2010-01-01' }, 2010)]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'HH.AGE_RANGE', severity: 'warning', sheet: HH, row: 5, column: 'C', field: 'headBirthYear', value: 2010 },
      { code: 'HH.AGE_RANGE', severity: 'warning', sheet: HH, row: 6, column: 'C', field: 'headBirthYear', value: 1913 },
      { code: 'HH.AGE_RANGE', severity: 'warning', sheet: HH, row: 7, column: 'C', field: 'headBirthYear', value: '2010-01-01' },
    ]);
    expect(result.ok).toBe(true);
  });
});
