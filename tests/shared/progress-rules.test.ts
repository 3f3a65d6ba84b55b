import { describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { type ValidateOptions, type WorkbookResult, validateWorkbook } from '../../shared/validate.ts';
import { PROGRESS_FIELDS, type Row, beneficiarySheet, picked, progressSheet } from './grid-builder.ts';

/**
 * Progress rules (SPEC sections 3–4) through validateWorkbook. Title "… NĂM 2024" and "ĐVT: triệu
 * đồng" on rows 1–3, a two-row header on rows 4–5, data from row 6:
 * A STT | B Nội dung | C Cơ quan chủ trì | D Số đối tượng thụ hưởng |
 * E–H Kinh phí được phân bổ: Tổng / NSTW / NSĐP / Huy động | I Kinh phí đã giải ngân | J Tiến độ.
 */
const PRG = 'Tiến độ';

function validate(grids: readonly Grid[], options: Partial<ValidateOptions> = {}): WorkbookResult {
  return validateWorkbook(
    grids.map((grid) => ({ grid })),
    { plan: XUAN_HOA_2024, ...options },
  );
}

type Code = 'DA2' | 'DA3.1' | 'DA3.2' | 'DA4.1' | 'DA4.3' | 'DA6.1' | 'DA6.2' | 'DA7.1' | 'DA7.2';

/** A row of the report: a parent row ("Dự án 3: …") or a sub-project's row, keyed by its plan code. */
type Line = { parent: Row } | { code: Code; row: Row };

/**
 * The whole plan, every sub-project once, each figure consistent (amounts in triệu đồng).
 * Excel rows: 6 DA2 | 7 Dự án 3 | 8 DA3.1 | 9 DA3.2 | 10 Dự án 4 | 11 DA4.1 | 12 DA4.3 |
 * 13 Dự án 6 | 14 DA6.1 | 15 DA6.2 | 16 Dự án 7 | 17 DA7.1 | 18 DA7.2.
 */
const VALID: readonly Line[] = [
  {
    code: 'DA2',
    row: {
      seq: 'I',
      project: 'Dự án 2: Đa dạng hoá sinh kế, phát triển mô hình giảm nghèo',
      lead: 'UBND xã',
      beneficiaryCount: 12,
      allocatedTotal: 150,
      allocatedCentral: 120,
      allocatedLocal: 30,
      allocatedMobilised: 0,
      disbursed: 140,
      status: 'Đang thực hiện',
    },
  },
  { parent: { seq: 'II', project: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng' } },
  {
    code: 'DA3.1',
    row: {
      seq: 1,
      project: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
      lead: 'Địa chính - NN',
      beneficiaryCount: 20,
      allocatedTotal: 300,
      allocatedCentral: 250,
      allocatedLocal: 50,
      allocatedMobilised: 0,
      disbursed: 300,
      status: 'Hoàn thành',
    },
  },
  {
    code: 'DA3.2',
    row: {
      seq: 2,
      project: '- TDA 2',
      lead: 'TYT xã',
      beneficiaryCount: 35,
      // 95.5 + 0.5 triệu: compared in whole đồng.
      allocatedTotal: 96,
      allocatedCentral: 95.5,
      allocatedLocal: 0.5,
      allocatedMobilised: 0,
      disbursed: 96,
      status: 'Hoàn thành',
    },
  },
  { parent: { seq: 'III', project: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững' } },
  {
    code: 'DA4.1',
    row: {
      seq: 1,
      project: '4.1 Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      lead: 'Công chức LĐ-TBXH',
      beneficiaryCount: 10,
      allocatedTotal: 80,
      allocatedCentral: 80,
      allocatedLocal: 0,
      allocatedMobilised: 0,
      disbursed: 60,
      status: 'Đang thực hiện',
    },
  },
  {
    code: 'DA4.3',
    row: {
      seq: 2,
      project: 'TDA 3: Hỗ trợ việc làm bền vững',
      lead: 'Lao động - TBXH',
      beneficiaryCount: 5,
      // 0.1 + 0.2 ≠ 0.3 in floating point, = 300,000 đồng.
      allocatedTotal: 0.3,
      allocatedCentral: 0.1,
      allocatedLocal: 0.2,
      allocatedMobilised: 0,
      disbursed: 0.3,
      status: 'Đang thực hiện',
    },
  },
  { parent: { seq: 'IV', project: 'Dự án 6: Truyền thông và giảm nghèo về thông tin' } },
  {
    code: 'DA6.1',
    row: {
      seq: 1,
      project: 'Tiểu dự án 1: Giảm nghèo về thông tin',
      lead: 'VH-TT',
      beneficiaryCount: 50,
      allocatedTotal: 40,
      allocatedCentral: 30,
      allocatedLocal: 10,
      allocatedMobilised: 0,
      disbursed: 40,
      status: 'Hoàn thành',
    },
  },
  {
    code: 'DA6.2',
    row: {
      seq: 2,
      project: '- TDA2: Truyền thông về giảm nghèo đa chiều',
      lead: 'UBND xã (LĐ-TBXH)',
      beneficiaryCount: 200,
      allocatedTotal: 20,
      allocatedCentral: 15,
      allocatedLocal: 3,
      allocatedMobilised: 2,
      disbursed: 10,
      status: 'Đang thực hiện',
    },
  },
  { parent: { seq: 'V', project: 'Dự án 7: Nâng cao năng lực và giám sát đánh giá Chương trình' } },
  {
    code: 'DA7.1',
    row: {
      seq: 1,
      project: '7.1 Nâng cao năng lực thực hiện Chương trình',
      lead: 'UBND xã',
      beneficiaryCount: 15,
      allocatedTotal: 25,
      allocatedCentral: 20,
      allocatedLocal: 5,
      allocatedMobilised: 0,
      disbursed: 25,
      status: 'Hoàn thành',
    },
  },
  {
    code: 'DA7.2',
    row: {
      seq: 2,
      project: 'Tiểu dự án 2 - Dự án 7: Giám sát, đánh giá',
      lead: 'UBND xã',
      beneficiaryCount: 9,
      allocatedTotal: 10,
      allocatedCentral: 10,
      allocatedLocal: 0,
      allocatedMobilised: 0,
      disbursed: 8,
      status: 'Đang thực hiện',
    },
  },
];

/** The valid report with some sub-projects' cells changed (null drops the row) and rows appended at the end. */
function report(changes: Partial<Record<Code, Row | null>> = {}, appended: readonly Row[] = [], options: { fields?: readonly string[] } = {}): Grid {
  const rows: Row[] = [];
  for (const line of VALID) {
    if ('parent' in line) {
      rows.push(line.parent);
      continue;
    }
    const change = changes[line.code];
    if (change === null) continue;
    rows.push({ ...line.row, ...change });
  }
  return progressSheet([...rows, ...appended], options);
}

describe('a fully valid progress report (all nine sub-projects)', () => {
  it('gives no issue at all', () => {
    const result = validate([report()]);
    expect(picked(result)).toEqual([]);
    expect(result.period).toBe('2024-Y');
    expect(result.reportDate).toBe('2024-12-31');
    expect(result.sheets).toEqual([
      {
        name: PRG,
        kind: 'progress',
        headerRow: 4,
        headerRows: 2,
        columns: {
          seq: 'A',
          project: 'B',
          lead: 'C',
          beneficiaryCount: 'D',
          allocatedTotal: 'E',
          allocatedCentral: 'F',
          allocatedLocal: 'G',
          allocatedMobilised: 'H',
          disbursed: 'I',
          status: 'J',
        },
        dataRows: 13,
        period: '2024-Y',
      },
    ]);
  });

  it('resolves parent rows with their child rows, and converts triệu đồng to đồng', () => {
    const result = validate([report()]);
    expect(result.progress.map((p) => [p.row, p.project])).toEqual([
      [6, 'DA2'],
      [8, 'DA3.1'],
      [9, 'DA3.2'],
      [11, 'DA4.1'],
      [12, 'DA4.3'],
      [14, 'DA6.1'],
      [15, 'DA6.2'],
      [17, 'DA7.1'],
      [18, 'DA7.2'],
    ]);
    const da32 = result.progress.find((p) => p.project === 'DA3.2');
    expect(da32).toMatchObject({ allocatedTotal: 96_000_000, allocatedCentral: 95_500_000, allocatedLocal: 500_000, disbursed: 96_000_000 });
  });

  it('accepts a child row written "3.2" under its parent', () => {
    const result = validate([report({ 'DA3.2': { project: '3.2' } })]);
    expect(picked(result)).toEqual([]);
    expect(result.progress.find((p) => p.row === 9)?.project).toBe('DA3.2');
  });

  it.each([
    ['DA3.1', 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp'],
    ['DA3.1', 'TDA 1'],
    ['DA3.1', '- TDA1'],
    ['DA3.1', '3.1'],
    ['DA3.1', 'Tiểu dự án 1 - Dự án 3'],
    ['DA3.1', 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp'],
    ['DA3.2', 'TDA 2'],
    ['DA3.2', '3.2'],
    ['DA3.2', 'Cải thiện dinh dưỡng'],
  ] as const)('resolves the child row %s written %j under "Dự án 3: …"', (code, label) => {
    const result = validate([report({ [code]: { project: label } })]);
    expect(picked(result)).toEqual([]);
    expect(result.progress.find((p) => p.row === (code === 'DA3.1' ? 8 : 9))?.project).toBe(code);
  });

  it('accepts a code column ("Mã") next to free-text contents', () => {
    // A STT | B Mã | C Nội dung | D Cơ quan chủ trì | … | K Tiến độ
    const fields = ['seq', 'projectCode', ...PROGRESS_FIELDS.slice(1)];
    const codes: Record<Code, string> = {
      DA2: 'DA2', 'DA3.1': 'DA3.1', 'DA3.2': 'DA3.2', 'DA4.1': 'DA4.1', 'DA4.3': 'DA4.3', 'DA6.1': 'DA6.1', 'DA6.2': 'DA6.2', 'DA7.1': 'DA7.1', 'DA7.2': 'DA7.2',
    };
    const changes = Object.fromEntries(
      Object.entries(codes).map(([code, text]) => [code, { projectCode: text, project: `Các hoạt động của ${text.toLowerCase()} trong năm` }]),
    );
    const result = validate([report(changes, [], { fields })]);
    expect(result.sheets[0]?.columns).toMatchObject({ projectCode: 'B', project: 'C' });
    expect(picked(result)).toEqual([]);
    expect(result.progress.map((p) => p.project)).toEqual(['DA2', 'DA3.1', 'DA3.2', 'DA4.1', 'DA4.3', 'DA6.1', 'DA6.2', 'DA7.1', 'DA7.2']);
  });
});

describe('PRG.PROJECT_MISSING', () => {
  it('flags a plan sub-project with no row, with no row and the code as expected', () => {
    const result = validate([report({ 'DA7.2': null })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.PROJECT_MISSING', severity: 'error', sheet: PRG, row: null, column: null, field: 'project', value: null, expected: 'DA7.2' },
    ]);
    expect(result.issues[0]?.message).toContain('DA7.2');
  });
});

describe('PRG.PROJECT_UNKNOWN', () => {
  it('flags rows that name no plan sub-project, at the label', () => {
    const result = validate([
      report({}, [
        { seq: 'VI', project: 'Dự án 5: Hỗ trợ nhà ở', lead: 'UBND xã', allocatedTotal: 10, allocatedCentral: 10, allocatedLocal: 0, allocatedMobilised: 0 },
        { seq: 3, project: 'Tiểu dự án 3: Hỗ trợ khác', lead: 'UBND xã', beneficiaryCount: 4 },
      ]),
    ]);
    expect(picked(result)).toEqual([
      { code: 'PRG.PROJECT_UNKNOWN', severity: 'error', sheet: PRG, row: 19, column: 'B', field: 'project', value: 'Dự án 5: Hỗ trợ nhà ở' },
      { code: 'PRG.PROJECT_UNKNOWN', severity: 'error', sheet: PRG, row: 20, column: 'B', field: 'project', value: 'Tiểu dự án 3: Hỗ trợ khác' },
    ]);
  });
});

describe('PRG.LEAD_MISMATCH', () => {
  it('accepts the plan’s aliases and tone-mark variants ("TYT xã", "Trạm Y tế", "VH-TT", "Văn hóa - Thông tin")', () => {
    expect(picked(validate([report({ 'DA3.2': { lead: 'TYT xã' }, 'DA6.1': { lead: 'VH-TT' } })]))).toEqual([]);
    expect(picked(validate([report({ 'DA3.2': { lead: 'Trạm Y tế' }, 'DA6.1': { lead: 'Văn hóa - Thông tin' } })]))).toEqual([]);
  });

  it('warns on a lead that is none of the names of the plan’s lead unit, at the lead', () => {
    const result = validate([report({ 'DA3.2': { lead: 'UBND xã' }, 'DA6.1': { lead: 'Công chức LĐ-TBXH' } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.LEAD_MISMATCH', severity: 'warning', sheet: PRG, row: 9, column: 'C', field: 'lead', value: 'UBND xã', expected: 'Trạm y tế xã' },
      {
        code: 'PRG.LEAD_MISMATCH',
        severity: 'warning',
        sheet: PRG,
        row: 14,
        column: 'C',
        field: 'lead',
        value: 'Công chức LĐ-TBXH',
        expected: 'UBND xã (công chức Văn hoá – Thông tin)',
      },
    ]);
    expect(result.ok).toBe(true);
  });
});

describe('PRG.NEGATIVE', () => {
  it('flags a negative count and a negative amount, and nothing else about them', () => {
    const result = validate([report({ DA2: { beneficiaryCount: -3 }, 'DA3.1': { allocatedLocal: -50 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.NEGATIVE', severity: 'error', sheet: PRG, row: 6, column: 'D', field: 'beneficiaryCount', value: -3 },
      { code: 'PRG.NEGATIVE', severity: 'error', sheet: PRG, row: 8, column: 'G', field: 'allocatedLocal', value: -50 },
    ]);
  });
});

describe('PRG.FUNDS_TOTAL', () => {
  it('compares in whole đồng: 96 = 95.5 + 0.5 and 0.3 = 0.1 + 0.2 triệu give no false positive', () => {
    // Both rows are in the valid report (DA3.2, DA4.3).
    expect(picked(validate([report()]))).toEqual([]);
  });

  it('flags a total that is not the sum of the sources, at the total, expected in the sheet’s unit', () => {
    const result = validate([report({ DA2: { allocatedLocal: 20 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.FUNDS_TOTAL', severity: 'error', sheet: PRG, row: 6, column: 'E', field: 'allocatedTotal', value: 150, expected: 140 },
    ]);
  });

  it('flags a half-million difference (95.5 + 0.5 ≠ 95.5)', () => {
    const result = validate([report({ 'DA3.2': { allocatedTotal: 95.5, disbursed: 95.5 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.FUNDS_TOTAL', severity: 'error', sheet: PRG, row: 9, column: 'E', field: 'allocatedTotal', value: 95.5, expected: 96 },
    ]);
  });
});

describe('PRG.OVERSPENT', () => {
  it('passes disbursed equal to allocated', () => {
    expect(picked(validate([report({ 'DA4.1': { disbursed: 80 } })]))).toEqual([]);
  });

  it('flags disbursed above allocated, at the disbursed amount', () => {
    const result = validate([report({ 'DA4.1': { disbursed: 81 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.OVERSPENT', severity: 'error', sheet: PRG, row: 11, column: 'I', field: 'disbursed', value: 81, expected: 80 },
    ]);
  });

  it('compares with the sum of the sources when the total is blank', () => {
    const result = validate([report({ 'DA4.1': { allocatedTotal: null, allocatedCentral: 50, allocatedLocal: 10, disbursed: 70 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.OVERSPENT', severity: 'error', sheet: PRG, row: 11, column: 'I', field: 'disbursed', value: 70, expected: 60 },
    ]);
  });

  it('is skipped when the disbursed cell has a formula error: one bad cell, one issue', () => {
    const result = validate([report({ 'DA4.1': { disbursed: { error: '#REF!' } } })]);
    expect(picked(result)).toEqual([
      { code: 'CELL.FORMULA_ERROR', severity: 'error', sheet: PRG, row: 11, column: 'I', field: 'disbursed', value: '#REF!' },
    ]);
  });
});

describe('PRG.OVERDUE (DA3.2 is due 30/09)', () => {
  const ongoing = { 'DA3.2': { status: 'Đang thực hiện' } };

  it('gives nothing on the due date itself', () => {
    expect(picked(validate([report(ongoing)], { reportDate: '2024-09-30' }))).toEqual([]);
  });

  it('warns the day after when the status is not "Hoàn thành", at the status', () => {
    const result = validate([report(ongoing)], { reportDate: '2024-10-01' });
    expect(picked(result)).toEqual([
      { code: 'PRG.OVERDUE', severity: 'warning', sheet: PRG, row: 9, column: 'J', field: 'status', value: 'Đang thực hiện' },
    ]);
    expect(result.issues[0]?.message).toContain('30/09/2024');
  });

  it('warns on a blank status and on "Chưa hoàn thành" too', () => {
    const blank = validate([report({ 'DA3.2': { status: null } })], { reportDate: '2024-10-01' });
    expect(picked(blank)).toEqual([
      { code: 'PRG.OVERDUE', severity: 'warning', sheet: PRG, row: 9, column: 'J', field: 'status', value: null },
    ]);
    const notYet = validate([report({ 'DA3.2': { status: 'Chưa hoàn thành' } })], { reportDate: '2024-10-01' });
    expect(picked(notYet).map((i) => [i.code, i.row])).toEqual([['PRG.OVERDUE', 9]]);
  });

  it('gives nothing after the due date when the status is "Hoàn thành"', () => {
    expect(picked(validate([report({ 'DA3.2': { status: 'Hoàn thành' } })], { reportDate: '2024-10-01' }))).toEqual([]);
  });
});

describe('PRG.BENEFICIARY_COUNT', () => {
  /** A DA4.1 list of three workers (title on row 1, data from row 4). */
  const da41List = beneficiarySheet(
    ['Nguyễn Thị Mai', 'Lê Văn Nam', 'Trần Thị Oanh'].map((fullName, i) => ({
      fullName,
      birthDate: { date: `199${i}-04-15` },
      gender: i === 1 ? 'Nam' : 'Nữ',
      village: 'Thôn 1',
      supportType: 'Đào tạo nghề',
      supportDate: { date: '2024-05-10' },
      amount: 2_000_000,
    })),
    { title: 'TIỂU DỰ ÁN 1 - DỰ ÁN 4: PHÁT TRIỂN GIÁO DỤC NGHỀ NGHIỆP', name: 'DS DA4.1' },
  );

  it('passes a count equal to the rows of the sub-project’s beneficiary list', () => {
    const result = validate([da41List, report({ 'DA4.1': { beneficiaryCount: 3 } })]);
    expect(result.sheets.map((s) => s.kind)).toEqual(['beneficiaries', 'progress']);
    expect(picked(result)).toEqual([]);
  });

  it('warns on a count that differs from that list, at the count', () => {
    const result = validate([da41List, report({ 'DA4.1': { beneficiaryCount: 5 } })]);
    expect(picked(result)).toEqual([
      { code: 'PRG.BENEFICIARY_COUNT', severity: 'warning', sheet: PRG, row: 11, column: 'D', field: 'beneficiaryCount', value: 5, expected: 3 },
    ]);
  });

  it('is skipped when the workbook has no list for the sub-project', () => {
    // The valid report says 10 for DA4.1 and has no beneficiary sheet.
    expect(picked(validate([report()]))).toEqual([]);
  });
});
