import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { type CommunePlan, XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { type ValidateOptions, type WorkbookResult, validateWorkbook } from '../../shared/validate.ts';
import {
  BENEFICIARY_FIELDS,
  BENEFICIARY_HEADERS,
  HOUSEHOLD_FIELDS,
  type Row,
  beneficiarySheet,
  cccd,
  fieldSheet,
  household,
  householdSheet,
  picked,
} from './grid-builder.ts';

/**
 * Beneficiary rules (SPEC sections 3–4) through validateWorkbook. Default layout: title on row 1,
 * header on row 3, first person on row 4:
 * A STT | B Họ và tên | C Ngày sinh | D Giới tính | E Số CCCD | F Mã hộ | G Chủ hộ | H Thôn |
 * I Nội dung hỗ trợ | J Ngày hỗ trợ | K Kinh phí (đồng) | L Người khuyết tật; a project column, when
 * there is one, is M.
 */
const BEN = 'Đối tượng';
const HH = 'Hộ nghèo';
const DA2_TITLE = 'DANH SÁCH NGƯỜI LAO ĐỘNG ĐƯỢC HỖ TRỢ - DỰ ÁN 2: ĐA DẠNG HOÁ SINH KẾ';
const DA41_TITLE = 'TIỂU DỰ ÁN 1 - DỰ ÁN 4: PHÁT TRIỂN GIÁO DỤC NGHỀ NGHIỆP';
const DA61_TITLE = 'TIỂU DỰ ÁN 1 - DỰ ÁN 6: GIẢM NGHÈO VỀ THÔNG TIN';
const WITH_PROJECT = [...BENEFICIARY_FIELDS, 'project'];

function validate(grids: readonly Grid[], options: Partial<ValidateOptions> = {}): WorkbookResult {
  return validateWorkbook(
    grids.map((grid) => ({ grid })),
    { plan: XUAN_HOA_2024, reportDate: '2024-12-31', ...options },
  );
}

/**
 * The commune's households (header row 4, from row 5): I Mã hộ, J Năm thoát nghèo.
 * XH-001 Nguyễn Văn An (Thôn 1, poor), XH-002 Lê Thị Bình (Thôn 2, near-poor),
 * XH-003 Trần Văn Cường (Thôn 3, newly escaped 2021).
 */
function householdList(options: { codes?: boolean; extra?: readonly Row[] } = {}): Grid {
  const codes = options.codes ?? true;
  const rows: Row[] = [
    household(0, { householdCode: 'XH-001', village: 'Thôn 1', category: 'Hộ nghèo' }),
    household(1, { householdCode: 'XH-002', village: 'Thôn 2', category: 'Hộ cận nghèo' }),
    household(2, { householdCode: 'XH-003', village: 'Thôn 3', category: 'Hộ mới thoát nghèo', escapedYear: 2021 }),
    ...(options.extra ?? []),
  ];
  const fields = codes ? [...HOUSEHOLD_FIELDS, 'householdCode', 'escapedYear'] : [...HOUSEHOLD_FIELDS, 'escapedYear'];
  return householdSheet(rows, { fields });
}

const CHILDREN = ['Nguyễn Văn Bảo', 'Nguyễn Thị Châu', 'Lê Văn Đức', 'Lê Thị Hà', 'Trần Văn Khang', 'Trần Thị Linh'];

/** A child of household XH-001 supported on 10/05/2024 (the n-th has its own name and birth date). */
function child(n: number, overrides: Row = {}): Row {
  return {
    fullName: CHILDREN[n % CHILDREN.length] ?? `Trẻ ${n}`,
    birthDate: { date: `${2015 + (n % 5)}-03-0${1 + (n % 9)}` },
    gender: n % 2 === 0 ? 'Nam' : 'Nữ',
    householdCode: 'XH-001',
    householdHead: 'Nguyễn Văn An',
    village: 'Thôn 1',
    supportType: 'Hỗ trợ dinh dưỡng',
    supportDate: { date: '2024-05-10' },
    amount: 500_000,
    ...overrides,
  };
}

const ADULTS = ['Nguyễn Thị Mai', 'Lê Văn Nam', 'Trần Thị Oanh', 'Phạm Văn Phúc', 'Hoàng Thị Quyên', 'Vũ Văn Sơn'];

/** An adult woman of 30 from household XH-001, supported on 10/05/2024. */
function adult(n: number, overrides: Row = {}): Row {
  return {
    fullName: ADULTS[n % ADULTS.length] ?? `Người ${n}`,
    birthDate: { date: `1994-0${1 + (n % 9)}-15` },
    gender: 'Nữ',
    householdCode: 'XH-001',
    householdHead: 'Nguyễn Văn An',
    village: 'Thôn 1',
    supportType: 'Tập huấn',
    supportDate: { date: '2024-05-10' },
    amount: 1_000_000,
    ...overrides,
  };
}

describe('a valid DA3.2 list (the title names the sub-project) with the household list in the workbook', () => {
  it('gives no issue', () => {
    const result = validate([
      householdList(),
      beneficiarySheet([
        child(0),
        child(1, { householdCode: 'XH-002', householdHead: 'Lê Thị Bình', village: 'Thôn 2' }),
        child(2, { householdCode: 'XH-003', householdHead: 'Trần Văn Cường', village: 'Thôn 3', idNumber: cccd(2017, 'Nam', 7) }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
    expect(result.sheets.map((s) => [s.name, s.kind])).toEqual([
      [HH, 'households'],
      [BEN, 'beneficiaries'],
    ]);
    expect(result.beneficiaries.map((b) => [b.row, b.project])).toEqual([
      [4, 'DA3.2'],
      [5, 'DA3.2'],
      [6, 'DA3.2'],
    ]);
  });
});

describe('SHEET.MISSING_COLUMN for the project', () => {
  it('passes when a project column names it', () => {
    const result = validate([beneficiarySheet([adult(0, { project: 'DA4.1' })], { title: '', fields: WITH_PROJECT })]);
    expect(picked(result)).toEqual([]);
  });

  it('flags a sheet with neither a project column nor a title naming one, and still runs the other rules', () => {
    const result = validate([
      beneficiarySheet([adult(0), adult(1, { supportDate: { date: '2023-11-20' } })], { title: '' }),
    ]);
    expect(result.sheets[0]?.kind).toBe('beneficiaries');
    expect(picked(result)).toEqual([
      { code: 'SHEET.MISSING_COLUMN', severity: 'error', sheet: BEN, row: null, column: null, field: 'project', value: null },
      { code: 'BEN.DATE_OUTSIDE_YEAR', severity: 'error', sheet: BEN, row: 5, column: 'J', field: 'supportDate', value: '2023-11-20' },
    ]);
  });
});

describe('the project: forms the resolver accepts', () => {
  // One adult woman (30) per sheet: no age rule applies to her in any of these sub-projects.
  it.each([
    ['DA3.2', 'DA3.2'],
    ['3.2', 'DA3.2'],
    ['DA 3.1', 'DA3.1'],
    ['DA3-TDA1', 'DA3.1'],
    ['Tiểu dự án 1 - Dự án 3', 'DA3.1'],
    ['Tiểu dự án 2 thuộc Dự án 3', 'DA3.2'],
    ['Dự án 2', 'DA2'],
    ['Cải thiện dinh dưỡng', 'DA3.2'],
    ['Tiểu dự án 2 - Dự án 3: Cải thiện dinh dưỡng', 'DA3.2'],
    ['TDA1-DA3', 'DA3.1'],
    ['TDA 2 - DA 3', 'DA3.2'],
    ['Dự án 3 - Tiểu dự án 2', 'DA3.2'],
    // Variants beyond the SPEC's examples.
    ['Dự án 3.2', 'DA3.2'],
    ['Tiểu DA 2 - DA 3', 'DA3.2'],
  ])('project column %j → %s', (label, code) => {
    const result = validate([beneficiarySheet([adult(0, { project: label })], { title: '', fields: WITH_PROJECT })]);
    expect(picked(result)).toEqual([]);
    expect(result.beneficiaries.map((b) => b.project)).toEqual([code]);
  });

  it('reads a "Mã dự án" column', () => {
    const grid = fieldSheet({ ...BENEFICIARY_HEADERS, project: 'Mã dự án' }, WITH_PROJECT, [adult(0, { project: 'DA4.1' })], {
      name: BEN,
      titleLines: ['DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ', ''],
    });
    const result = validate([grid]);
    expect(result.sheets[0]?.columns['project']).toBe('M');
    expect(picked(result)).toEqual([]);
    expect(result.beneficiaries.map((b) => b.project)).toEqual(['DA4.1']);
  });

  it.each([
    ['TIỂU DỰ ÁN 2 - DỰ ÁN 3: CẢI THIỆN DINH DƯỠNG', 'DA3.2'],
    [DA2_TITLE, 'DA2'],
    [DA41_TITLE, 'DA4.1'],
    ['TIỂU DỰ ÁN CẢI THIỆN DINH DƯỠNG', 'DA3.2'],
    ['DỰ ÁN 3 - TIỂU DỰ ÁN 2: CẢI THIỆN DINH DƯỠNG', 'DA3.2'],
    ['TDA1-DA3: HỖ TRỢ PHÁT TRIỂN SẢN XUẤT TRONG LĨNH VỰC NÔNG NGHIỆP', 'DA3.1'],
    // The sub-project named only by its name, once, in the title.
    ['DANH SÁCH TRẺ EM ĐƯỢC HỖ TRỢ CẢI THIỆN DINH DƯỠNG NĂM 2024', 'DA3.2'],
  ])('title %j → %s', (title, code) => {
    const result = validate([beneficiarySheet([adult(0)], { title })]);
    expect(picked(result)).toEqual([]);
    expect(result.beneficiaries.map((b) => b.project)).toEqual([code]);
  });
});

describe('BEN.PROJECT_UNKNOWN', () => {
  it('flags a label that names no plan sub-project, or only a parent project', () => {
    const result = validate([
      beneficiarySheet(
        [adult(0, { project: 'DA4.1' }), adult(1, { project: 'DA9' }), adult(2, { project: 'Dự án 3' }), adult(3, { project: 'Hỗ trợ khác' })],
        { title: '', fields: WITH_PROJECT },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.PROJECT_UNKNOWN', severity: 'error', sheet: BEN, row: 5, column: 'M', field: 'project', value: 'DA9' },
      { code: 'BEN.PROJECT_UNKNOWN', severity: 'error', sheet: BEN, row: 6, column: 'M', field: 'project', value: 'Dự án 3' },
      { code: 'BEN.PROJECT_UNKNOWN', severity: 'error', sheet: BEN, row: 7, column: 'M', field: 'project', value: 'Hỗ trợ khác' },
    ]);
  });
});

describe('BEN.HOUSEHOLD_NOT_FOUND', () => {
  it('finds households by code when the list has codes', () => {
    const result = validate([
      householdList(),
      // A code that matches wins over a head name written differently.
      beneficiarySheet([child(0), child(1, { householdCode: 'XH-002', householdHead: 'Lê Thị Bình (mẹ)', village: 'Thôn 2' })]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags a code that is not on the list, at the Mã hộ column', () => {
    const result = validate([householdList(), beneficiarySheet([child(0), child(1, { householdCode: 'XH-099' })])]);
    expect(picked(result)).toEqual([
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 5, column: 'F', field: 'householdCode', value: 'XH-099' },
    ]);
  });

  it('finds households by head name + village when the list has no codes (leniently written)', () => {
    const result = validate([
      householdList({ codes: false }),
      beneficiarySheet([
        child(0, { householdCode: null }),
        child(1, { householdCode: null, householdHead: 'nguyễn văn  an', village: 'thôn 01' }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags a head name not found in that village, at the Chủ hộ column', () => {
    const result = validate([
      householdList({ codes: false }),
      beneficiarySheet([child(0, { householdCode: null }), child(1, { householdCode: null, village: 'Thôn 2' })]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 5, column: 'G', field: 'householdHead', value: 'Nguyễn Văn An' },
    ]);
  });

  it('exempts a disabled person for DA2 and DA3.1, not for DA3.2 or DA6.1; DA4.1 needs no household', () => {
    const unknown = { householdCode: 'XH-099', householdHead: 'Đinh Văn Tâm' };
    const result = validate([
      householdList(),
      beneficiarySheet(
        [
          adult(0, { ...unknown, disabled: 'x', project: 'DA2' }), // row 4
          adult(1, { ...unknown, disabled: 'x', project: 'DA3.1' }), // row 5
          child(2, { ...unknown, disabled: 'x', project: 'DA3.2' }), // row 6
          adult(3, { ...unknown, project: 'DA2' }), // row 7
          adult(4, { ...unknown, disabled: 'x', project: 'DA6.1' }), // row 8
          adult(5, { ...unknown, project: 'DA4.1' }), // row 9
        ],
        { title: '', fields: WITH_PROJECT },
      ),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 6, column: 'F', field: 'householdCode', value: 'XH-099' },
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 7, column: 'F', field: 'householdCode', value: 'XH-099' },
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 8, column: 'F', field: 'householdCode', value: 'XH-099' },
    ]);
  });

  it('is skipped when there is no household list', () => {
    const result = validate([beneficiarySheet([child(0, { householdCode: 'XH-099' })])]);
    expect(picked(result)).toEqual([]);
  });

  it('checks against a household list passed from elsewhere (options.households)', () => {
    const result = validate([beneficiarySheet([child(0), child(1, { householdCode: 'XH-099' })])], { households: [householdList()] });
    expect(picked(result)).toEqual([
      { code: 'BEN.HOUSEHOLD_NOT_FOUND', severity: 'error', sheet: BEN, row: 5, column: 'F', field: 'householdCode', value: 'XH-099' },
    ]);
  });
});

describe('BEN.INELIGIBLE', () => {
  it('flags a newly-escaped household outside the window at the support date (2020 for 2024), not one inside (2021)', () => {
    const list = householdList({
      extra: [household(3, { householdCode: 'XH-004', village: 'Thôn 4', category: 'Hộ mới thoát nghèo', escapedYear: 2020 })],
    });
    const result = validate([
      list,
      beneficiarySheet([
        child(0, { householdCode: 'XH-003', householdHead: 'Trần Văn Cường', village: 'Thôn 3' }),
        child(1, { householdCode: 'XH-004', householdHead: 'Phạm Thị Dung', village: 'Thôn 4' }),
      ]),
    ]);
    expect(picked(result, BEN)).toEqual([
      { code: 'BEN.INELIGIBLE', severity: 'error', sheet: BEN, row: 5, column: 'F', field: 'householdCode', value: 'XH-004' },
    ]);
  });

  it('flags a household of a category the sub-project does not serve', () => {
    const plan: CommunePlan = structuredClone(XUAN_HOA_2024);
    const da61 = plan.subProjects.find((s) => s.code === 'DA6.1');
    if (!da61) throw new Error('plan has no DA6.1');
    da61.eligibility.categories = ['poor'];
    const result = validate(
      [
        householdList(),
        beneficiarySheet(
          [adult(0), adult(1, { householdCode: 'XH-002', householdHead: 'Lê Thị Bình', village: 'Thôn 2' })],
          { title: DA61_TITLE },
        ),
      ],
      { plan },
    );
    expect(picked(result)).toEqual([
      { code: 'BEN.INELIGIBLE', severity: 'error', sheet: BEN, row: 5, column: 'F', field: 'householdCode', value: 'XH-002' },
    ]);
  });
});

describe('BEN.AGE_RANGE (supported on 01/06/2024)', () => {
  const on = { supportDate: { date: '2024-06-01' } as CellValue };

  it('DA3.2: no issue for a boy of 15, a woman of 30, a girl of 16', () => {
    const result = validate([
      beneficiarySheet([
        child(0, { ...on, gender: 'Nam', birthDate: { date: '2008-06-02' } }),
        adult(1, { ...on, gender: 'Nữ' }),
        child(2, { ...on, gender: 'Nữ', birthDate: { date: '2008-06-01' } }),
      ]),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('DA3.2: flags a male aged 16 at the support date, at the birth date', () => {
    const result = validate([beneficiarySheet([child(0, { ...on, gender: 'Nam', birthDate: { date: '2008-06-01' } })])]);
    expect(picked(result)).toEqual([
      { code: 'BEN.AGE_RANGE', severity: 'error', sheet: BEN, row: 4, column: 'C', field: 'birthDate', value: '2008-06-01' },
    ]);
  });

  it('DA3.2: flags a person aged 16 or over whose gender is blank ("not a woman")', () => {
    const result = validate([beneficiarySheet([adult(0, { ...on, gender: null, birthDate: { date: '2004-01-01' } })])]);
    expect(picked(result)).toEqual([
      { code: 'BEN.AGE_RANGE', severity: 'error', sheet: BEN, row: 4, column: 'C', field: 'birthDate', value: '2004-01-01' },
    ]);
  });

  it('DA4.1: no issue at 15', () => {
    const result = validate([beneficiarySheet([adult(0, { ...on, birthDate: { date: '2009-06-01' } })], { title: DA41_TITLE })]);
    expect(picked(result)).toEqual([]);
  });

  it('DA4.1: flags 14 (by date and by year)', () => {
    const result = validate([
      beneficiarySheet([adult(0, { ...on, birthDate: { date: '2009-06-02' } }), adult(1, { ...on, birthDate: 2010 })], { title: DA41_TITLE }),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.AGE_RANGE', severity: 'error', sheet: BEN, row: 4, column: 'C', field: 'birthDate', value: '2009-06-02' },
      { code: 'BEN.AGE_RANGE', severity: 'error', sheet: BEN, row: 5, column: 'C', field: 'birthDate', value: 2010 },
    ]);
  });
});

describe('BEN.DATE_OUTSIDE_YEAR', () => {
  it('passes 01/01/2024, 31/12/2024 and the text "15/03/2024"', () => {
    const result = validate([
      beneficiarySheet(
        [adult(0, { supportDate: { date: '2024-01-01' } }), adult(1, { supportDate: { date: '2024-12-31' } }), adult(2, { supportDate: '15/03/2024' })],
        { title: DA41_TITLE },
      ),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags 31/12/2023 and 01/01/2025', () => {
    const result = validate([
      beneficiarySheet([adult(0, { supportDate: { date: '2023-12-31' } }), adult(1, { supportDate: { date: '2025-01-01' } })], {
        title: DA41_TITLE,
      }),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.DATE_OUTSIDE_YEAR', severity: 'error', sheet: BEN, row: 4, column: 'J', field: 'supportDate', value: '2023-12-31' },
      { code: 'BEN.DATE_OUTSIDE_YEAR', severity: 'error', sheet: BEN, row: 5, column: 'J', field: 'supportDate', value: '2025-01-01' },
    ]);
  });
});

describe('BEN.DUPLICATE', () => {
  it('passes different people, the same name with another birth date, and one person in two sub-projects', () => {
    const result = validate([
      beneficiarySheet(
        [
          adult(0, { project: 'DA2' }),
          adult(0, { project: 'DA3.1' }),
          adult(1, { project: 'DA2' }),
          adult(1, { project: 'DA2', birthDate: { date: '1988-07-07' } }),
        ],
        { title: '', fields: WITH_PROJECT },
      ),
    ]);
    expect(picked(result)).toEqual([]);
  });

  it('flags the later occurrence only, at the ID', () => {
    const id = cccd(2015, 'Nam', 1);
    const result = validate([
      beneficiarySheet([
        child(0, { birthDate: { date: '2015-03-01' }, idNumber: id }),
        child(1),
        child(2, { fullName: 'Nguyễn Văn Bảo', birthDate: { date: '2015-03-01' }, gender: 'Nam', idNumber: id }),
        child(3, { fullName: 'Nguyễn Văn Bảo', birthDate: { date: '2015-03-01' }, gender: 'Nam', idNumber: id }),
      ]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.DUPLICATE', severity: 'warning', sheet: BEN, row: 6, column: 'E', field: 'idNumber', value: id },
      { code: 'BEN.DUPLICATE', severity: 'warning', sheet: BEN, row: 7, column: 'E', field: 'idNumber', value: id },
    ]);
  });

  it('flags the later occurrence at the name when there is no ID', () => {
    const result = validate([beneficiarySheet([child(0), child(1), child(0)])]);
    expect(picked(result)).toEqual([
      { code: 'BEN.DUPLICATE', severity: 'warning', sheet: BEN, row: 6, column: 'B', field: 'fullName', value: 'Nguyễn Văn Bảo' },
    ]);
  });

  it('flags a repeat on a second sheet of the same sub-project', () => {
    const result = validate([
      beneficiarySheet([child(0), child(1)], { name: 'DD Thôn 1' }),
      beneficiarySheet([child(2), child(1)], { name: 'DD Thôn 2' }),
    ]);
    expect(picked(result)).toEqual([
      { code: 'BEN.DUPLICATE', severity: 'warning', sheet: 'DD Thôn 2', row: 5, column: 'B', field: 'fullName', value: 'Nguyễn Thị Châu' },
    ]);
  });
});
