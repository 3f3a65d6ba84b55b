import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { columnLetters } from '../../shared/grid/address.ts';
import type { Issue } from '../../shared/issues.ts';
import type { WorkbookResult } from '../../shared/validate.ts';

/**
 * Tiny helpers to build a Grid from inline arrays, the way officers lay their sheets out:
 * title lines in column A from row 1, then a one- or two-row header, then the data rows.
 * Rows are padded to the header's width with empty cells so every cell is present.
 */

/** A header cell: a plain label, or a label under a group (a two-row header, the group merged across its columns). */
export type HeaderCell = string | { group: string; label: string };

export interface SheetOptions {
  name?: string;
  /** Lines above the header, one per row, in column A; '' gives a blank row. */
  titleLines?: readonly string[];
  /** Font names by address ("B5": ".VnTime"). */
  fonts?: Record<string, string>;
  numFmts?: Record<string, string>;
  /** Rows after the data (a total row, a signature block). */
  after?: readonly (readonly CellValue[])[];
}

/** A sheet from positional rows under the given header. */
export function sheet(header: readonly HeaderCell[], rows: readonly (readonly CellValue[])[], options: SheetOptions = {}): Grid {
  const titles = options.titleLines ?? [];
  const width = header.length;
  const pad = (cells: readonly CellValue[]): CellValue[] => {
    const out = [...cells];
    while (out.length < width) out.push(null);
    return out;
  };
  const grid: CellValue[][] = titles.map((t) => (t === '' ? [] : [t]));
  const merges: string[] = [];
  const headerRow = titles.length + 1;
  const twoRows = header.some((h) => typeof h !== 'string');
  if (!twoRows) {
    grid.push(header.map((h) => h as string));
  } else {
    const top: CellValue[] = [];
    const sub: CellValue[] = [];
    header.forEach((h, i) => {
      const col = columnLetters(i + 1);
      if (typeof h === 'string') {
        top.push(h);
        sub.push(null);
        merges.push(`${col}${headerRow}:${col}${headerRow + 1}`);
        return;
      }
      const prev = header[i - 1];
      const startsGroup = typeof prev === 'string' || prev === undefined || prev.group !== h.group;
      top.push(startsGroup ? h.group : null);
      sub.push(h.label);
      if (startsGroup) {
        let end = i;
        while (true) {
          const next = header[end + 1];
          if (next === undefined || typeof next === 'string' || next.group !== h.group) break;
          end++;
        }
        if (end > i) merges.push(`${col}${headerRow}:${columnLetters(end + 1)}${headerRow}`);
      }
    });
    grid.push(top, sub);
  }
  for (const r of rows) grid.push(pad(r));
  for (const r of options.after ?? []) grid.push(pad(r));
  const out: Grid = { name: options.name ?? 'Sheet1', rows: grid, merges };
  if (options.fonts) out.fonts = options.fonts;
  if (options.numFmts) out.numFmts = options.numFmts;
  return out;
}

/** A row given by field id; fields not given are blank. */
export type Row = Readonly<Record<string, CellValue>>;

/** A sheet whose columns are the given fields, in order, labelled from a catalogue; `seq` is numbered 1, 2, 3 … unless given. */
export function fieldSheet(
  catalogue: Readonly<Record<string, HeaderCell>>,
  fields: readonly string[],
  rows: readonly Row[],
  options: SheetOptions = {},
): Grid {
  const header = fields.map((f) => {
    const h = catalogue[f];
    if (h === undefined) throw new Error(`no header for field ${f}`);
    return h;
  });
  const cells = rows.map((row, i) =>
    fields.map((f) => {
      if (f in row) return row[f] as CellValue;
      return f === 'seq' ? i + 1 : null;
    }),
  );
  return sheet(header, cells, options);
}

// ---------------------------------------------------------------------------------------------
// Households

export const HOUSEHOLD_HEADERS: Readonly<Record<string, HeaderCell>> = {
  seq: 'STT',
  householdCode: 'Mã hộ',
  headName: 'Họ và tên chủ hộ',
  headBirthYear: 'Năm sinh',
  'headBirthYear.male': { group: 'Năm sinh', label: 'Nam' },
  'headBirthYear.female': { group: 'Năm sinh', label: 'Nữ' },
  headGender: 'Giới tính',
  idNumber: 'Số CCCD',
  village: 'Thôn',
  size: 'Số nhân khẩu',
  category: 'Phân loại hộ',
  'category.poor': 'Hộ nghèo',
  'category.nearPoor': 'Hộ cận nghèo',
  'category.newlyEscaped': 'Hộ mới thoát nghèo',
  income: 'Thu nhập bình quân (đồng/người/tháng)',
  b1Score: 'Điểm B1',
  b2Score: 'Điểm B2',
  deprivationCount: 'Tổng số chỉ số thiếu hụt',
  escapedYear: 'Năm thoát nghèo',
  note: 'Ghi chú',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`D${String(i + 1).padStart(2, '0')}`, `CS${i + 1}`])),
};

/**
 * The default household layout (one-row header on row 4, data from row 5):
 * A STT | B Họ và tên chủ hộ | C Năm sinh | D Giới tính | E Số CCCD | F Thôn | G Số nhân khẩu | H Phân loại hộ.
 */
export const HOUSEHOLD_FIELDS = ['seq', 'headName', 'headBirthYear', 'headGender', 'idNumber', 'village', 'size', 'category'] as const;

export const HOUSEHOLD_TITLE = ['UBND XÃ XUÂN HOÀ', 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', ''];

export interface HouseholdSheetOptions extends SheetOptions {
  /** Columns in order; default HOUSEHOLD_FIELDS. */
  fields?: readonly string[];
}

/** A household table; the default title lines put the header on row 4 and the first household on row 5. */
export function householdSheet(rows: readonly Row[], options: HouseholdSheetOptions = {}): Grid {
  return fieldSheet(HOUSEHOLD_HEADERS, options.fields ?? HOUSEHOLD_FIELDS, rows, {
    name: 'Hộ nghèo',
    titleLines: HOUSEHOLD_TITLE,
    ...options,
  });
}

/**
 * A 12-digit personal ID consistent with a birth year and gender: Thanh Hoá (038), the century and
 * gender digit, the year's last two digits, a serial.
 */
export function cccd(birthYear: number, gender: 'Nam' | 'Nữ', serial: number, province = '038'): string {
  const century = Math.floor(birthYear / 100) * 100;
  const base = { 1900: 0, 2000: 2, 2100: 4 }[century as 1900 | 2000 | 2100];
  if (base === undefined) throw new Error(`no century digit for ${birthYear}`);
  const digit = base + (gender === 'Nữ' ? 1 : 0);
  return `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

const NAMES = ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đỗ Văn Hùng', 'Bùi Thị Lan'];

/** A valid household row (poor, Thôn 1, 4 people): the n-th gets its own name and ID. Override any field. */
export function household(n: number, overrides: Row = {}): Row {
  const female = n % 2 === 1;
  const birthYear = 1970 + n;
  const gender = female ? 'Nữ' : 'Nam';
  return {
    headName: NAMES[n % NAMES.length] ?? `Chủ hộ ${n}`,
    headBirthYear: birthYear,
    headGender: gender,
    idNumber: cccd(birthYear, gender, 100 + n),
    village: 'Thôn 1',
    size: 4,
    category: 'Hộ nghèo',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Beneficiaries

export const BENEFICIARY_HEADERS: Readonly<Record<string, HeaderCell>> = {
  seq: 'STT',
  project: 'Dự án/Tiểu dự án',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  idNumber: 'Số CCCD',
  householdCode: 'Mã hộ',
  householdHead: 'Chủ hộ',
  village: 'Thôn',
  supportType: 'Nội dung hỗ trợ',
  supportDate: 'Ngày hỗ trợ',
  amount: 'Kinh phí (đồng)',
  disabled: 'Người khuyết tật',
  note: 'Ghi chú',
};

/**
 * The default beneficiary layout (title on row 1, blank row 2, header on row 3, data from row 4):
 * A STT | B Họ và tên | C Ngày sinh | D Giới tính | E Số CCCD | F Mã hộ | G Chủ hộ | H Thôn |
 * I Nội dung hỗ trợ | J Ngày hỗ trợ | K Kinh phí (đồng) | L Người khuyết tật.
 */
export const BENEFICIARY_FIELDS = [
  'seq',
  'fullName',
  'birthDate',
  'gender',
  'idNumber',
  'householdCode',
  'householdHead',
  'village',
  'supportType',
  'supportDate',
  'amount',
  'disabled',
] as const;

export const DA32_TITLE = 'TIỂU DỰ ÁN 2 - DỰ ÁN 3: CẢI THIỆN DINH DƯỠNG';

export interface BeneficiarySheetOptions extends SheetOptions {
  fields?: readonly string[];
  /** The title line naming the sub-project (default the DA3.2 title); '' for a title that names none. */
  title?: string;
}

export function beneficiarySheet(rows: readonly Row[], options: BeneficiarySheetOptions = {}): Grid {
  const { title = DA32_TITLE, ...rest } = options;
  return fieldSheet(BENEFICIARY_HEADERS, options.fields ?? BENEFICIARY_FIELDS, rows, {
    name: 'Đối tượng',
    titleLines: [title === '' ? 'DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ' : title, ''],
    ...rest,
  });
}

// ---------------------------------------------------------------------------------------------
// Progress

const ALLOCATED = 'Kinh phí được phân bổ';

export const PROGRESS_HEADERS: Readonly<Record<string, HeaderCell>> = {
  seq: 'STT',
  projectCode: 'Mã',
  project: 'Nội dung',
  lead: 'Cơ quan chủ trì',
  beneficiaryCount: 'Số đối tượng thụ hưởng',
  allocatedTotal: { group: ALLOCATED, label: 'Tổng' },
  allocatedCentral: { group: ALLOCATED, label: 'NSTW' },
  allocatedLocal: { group: ALLOCATED, label: 'NSĐP' },
  allocatedMobilised: { group: ALLOCATED, label: 'Huy động' },
  disbursed: 'Kinh phí đã giải ngân',
  status: 'Tiến độ',
};

/**
 * The default progress layout (title rows 1–3, a two-row header on rows 4–5, data from row 6):
 * A STT | B Nội dung | C Cơ quan chủ trì | D Số đối tượng thụ hưởng |
 * E–H Kinh phí được phân bổ: Tổng / NSTW / NSĐP / Huy động | I Kinh phí đã giải ngân | J Tiến độ.
 */
export const PROGRESS_FIELDS = [
  'seq',
  'project',
  'lead',
  'beneficiaryCount',
  'allocatedTotal',
  'allocatedCentral',
  'allocatedLocal',
  'allocatedMobilised',
  'disbursed',
  'status',
] as const;

export const PROGRESS_TITLE = [
  'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024',
  'Xã Xuân Hoà, huyện Thọ Xuân',
  'ĐVT: triệu đồng',
];

export interface ProgressSheetOptions extends SheetOptions {
  fields?: readonly string[];
}

export function progressSheet(rows: readonly Row[], options: ProgressSheetOptions = {}): Grid {
  return fieldSheet(PROGRESS_HEADERS, options.fields ?? PROGRESS_FIELDS, rows, {
    name: 'Tiến độ',
    titleLines: PROGRESS_TITLE,
    ...options,
  });
}

// ---------------------------------------------------------------------------------------------
// Results

export type PickedIssue = Pick<Issue, 'code' | 'severity' | 'sheet' | 'row' | 'column' | 'field' | 'value' | 'expected'>;

/** An issue without its message and params; `expected` only when the issue has one. */
export function pick(issue: Issue): PickedIssue {
  const out: PickedIssue = {
    code: issue.code,
    severity: issue.severity,
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    field: issue.field,
    value: issue.value,
  };
  if (issue.expected !== undefined) out.expected = issue.expected;
  return out;
}

/** The picked issues of a result, optionally of one sheet only. */
export function picked(result: WorkbookResult, sheetName?: string): PickedIssue[] {
  return result.issues.filter((i) => sheetName === undefined || i.sheet === sheetName).map(pick);
}
