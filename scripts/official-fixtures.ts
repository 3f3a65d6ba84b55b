import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import type { CellValue, Grid } from '../shared/grid/grid.ts';
import { columnLetters, columnNumber } from '../shared/grid/address.ts';
import { gridsToXlsx } from '../tests/grid-to-xlsx.ts';
import { cccd, sheet, type HeaderCell } from '../tests/shared/grid-builder.ts';

/**
 * The official review lists and the national software's exports as sample workbooks, in the style
 * of ../shared/samples: for each layout a `<name>-clean.xlsx` that must give no issue, a
 * `<name>-errors.xlsx` with issues planted, and for each an `.expected.json` answer key
 * ({date, plan, issues: [{code, sheet, row, column}]}).
 *
 *   npm run fixtures            writes them into tests/fixtures/
 *   tsx scripts/official-fixtures.ts DIR   writes them into DIR
 *
 * A layout is one entry of LAYOUTS: its heading lines, columns (merged group headers where the form
 * has them), numbering row, households and planted issues, with a comment citing its source in
 * docs/official-forms-research.md. The people are Xuân Hoà's (the demo plan xuan-hoa-2024: villages
 * "Thôn 1" … "Thôn 7"); names and ID numbers are made up. The output is the same on every run
 * (fixed dates in the workbook's properties and in the zip).
 */

export const FIXTURES_DIR = resolve(import.meta.dirname, '../tests/fixtures');
/** The report date of every answer key: within the plan year 2024, after the review's decisions (20/12/2024). */
export const FIXTURE_DATE = '2024-12-31';
const PLAN = 'xuan-hoa-2024';
/** The moment written into the workbook's properties and the zip entries, so that re-running gives the same bytes. */
const WRITTEN_AT = new Date(Date.UTC(2024, 11, 20, 8, 0, 0));

type Cell = string | number | null;
type Gender = 'Nam' | 'Nữ';

export interface Person {
  name: string;
  /** "Chủ hộ" on the head's row. */
  relationship: string;
  /** dd/mm/yyyy, as the lists write it. */
  born: string;
  gender: Gender;
  /** The 12-digit personal ID; null where a child has none yet. */
  id: string | null;
}

export interface Household {
  code: string;
  /** 1–7: "Thôn N" of the plan. */
  village: number;
  /** The category as the list writes it ("Hộ nghèo", "Nghèo" …); null where the layout gives it otherwise. */
  category: string | null;
  /** "CHIA HỘ NGHÈO THEO": new, again or old (the detail lists of §4.2). */
  split?: 'new' | 'again' | 'old';
  b1: number;
  /** 10 per deprived indicator. */
  deprivations: readonly number[];
  reasons: string;
  escapedYear?: number;
  noWorkCapacity?: boolean;
  merit?: boolean;
  minority?: boolean;
  people: readonly Person[];
}

/** One column of a layout: its header, and its cell on a person's row (head or member). */
export interface Column {
  key: string;
  header: HeaderCell;
  value: (p: Person, h: Household, isHead: boolean) => Cell;
}

/** Where a planted issue sits: a household's row (person 1 is the head), or the village group row above it. */
export interface At {
  household: number;
  person?: number;
  groupRow?: true;
}

export interface Plant {
  at: At;
  /** Cells to overwrite, by column key. */
  set: Readonly<Record<string, Cell>>;
  /** The issues this gives, each at a column key (default: the first key set); null: the issue names no column. */
  issues: readonly { code: string; column?: string | null }[];
}

export interface Layout {
  /** The file name's stem. */
  name: string;
  sheet: string;
  /** The lines above the header, each a list of [column letter, text, columns merged]. */
  heading: readonly (readonly [string, string, number][])[];
  columns: readonly Column[];
  /** The numbering row under the header ("1 | 2 | 3 …", "A | B | C | 1 …"). */
  numbering: readonly Cell[];
  /** One row per person (head, then members), else one row per household (the head's). */
  personRows: boolean;
  /** A "Thôn N" row above each village's households, in this column (where the list has no village column). */
  villageRows?: string;
  households: readonly Household[];
  plants: readonly Plant[];
}

// ---------------------------------------------------------------------------------------------
// The parts the layouts share

const VILLAGE = (n: number): string => `Thôn ${n}`;
const head = (h: Household): Person => h.people[0] as Person;
const year = (p: Person): number => Number(p.born.slice(-4));
const mark = (on: boolean | undefined): Cell => (on ? 'x' : null);
/** A cell only the head's row carries (the household's fields). */
const onHead = (f: (h: Household, p: Person) => Cell) => (p: Person, h: Household, isHead: boolean): Cell => (isHead ? f(h, p) : null);

/** A person whose ID agrees with the date of birth and gender (Thanh Hoá, 038). */
function person(name: string, relationship: string, born: string, gender: Gender, serial: number | null): Person {
  return { name, relationship, born, gender, id: serial === null ? null : cccd(Number(born.slice(-4)), gender, serial) };
}

/**
 * The heading of the commune's forms: the issuing body on the left, the national motto on the right,
 * the title (and a line under it) merged across the table. `at` is where the title row starts.
 */
function officialHeading(width: number, title: string, under: string, at: { row: number; column: string } = { row: 4, column: 'A' }): Layout['heading'] {
  const right = columnLetters(width - 7);
  const lines: [string, string, number][][] = [
    [['A', 'UỶ BAN NHÂN DÂN HUYỆN THỌ XUÂN', 5], [right, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 8]],
    [['A', 'UỶ BAN NHÂN DÂN XÃ XUÂN HOÀ', 5], [right, 'Độc lập - Tự do - Hạnh phúc', 8]],
  ];
  while (lines.length < at.row - 1) lines.push([]);
  const span = width - columnNumber(at.column) + 1;
  lines.push([[at.column, title, span]], [[at.column, under, span]]);
  return lines;
}

const SIGNATURE: readonly [string, string][] = [
  ['Người lập biểu', 'TM. UỶ BAN NHÂN DÂN XÃ'],
  ['(Ký, ghi rõ họ tên)', 'CHỦ TỊCH'],
];

// ---------------------------------------------------------------------------------------------
// Xuân Hoà's households, as the review of 2024 left them (made up)

const POOR_AND_NEAR_POOR: readonly Household[] = [
  {
    code: 'XH-0101', village: 1, category: 'Hộ nghèo', split: 'old', b1: 118, deprivations: [1, 4, 9], reasons: 'Thiếu vốn sản xuất; Thiếu đất sản xuất', minority: false,
    people: [person('Nguyễn Văn Bảy', 'Chủ hộ', '12/03/1968', 'Nam', 101), person('Lê Thị Hoa', 'Vợ', '05/07/1971', 'Nữ', 102), person('Nguyễn Văn Tùng', 'Con', '19/10/2012', 'Nam', null)],
  },
  {
    code: 'XH-0102', village: 1, category: 'Hộ cận nghèo', split: 'new', b1: 132, deprivations: [4], reasons: 'Thiếu lao động',
    people: [person('Trịnh Thị Mai', 'Chủ hộ', '21/01/1975', 'Nữ', 103), person('Trịnh Văn Nam', 'Con', '02/09/2001', 'Nam', 104)],
  },
  {
    code: 'XH-0301', village: 3, category: 'Hộ nghèo', split: 'new', b1: 96, deprivations: [1, 2, 5, 7], reasons: 'Ốm đau, tai nạn; Thiếu lao động', noWorkCapacity: true,
    people: [person('Lê Văn Sáu', 'Chủ hộ', '30/06/1950', 'Nam', 105), person('Hoàng Thị Nhung', 'Vợ', '14/02/1953', 'Nữ', 106)],
  },
  {
    code: 'XH-0302', village: 3, category: 'Hộ cận nghèo', split: 'old', b1: 125, deprivations: [9, 10], reasons: 'Thiếu kiến thức sản xuất', merit: true,
    people: [
      person('Phạm Văn Tư', 'Chủ hộ', '08/08/1980', 'Nam', 107), person('Đỗ Thị Thu', 'Vợ', '17/11/1983', 'Nữ', 108),
      person('Phạm Thị Ngọc', 'Con', '03/05/2008', 'Nữ', 109), person('Phạm Văn Khánh', 'Con', '25/12/2014', 'Nam', null),
    ],
  },
  {
    code: 'XH-0501', village: 5, category: 'Hộ nghèo', split: 'again', b1: 110, deprivations: [1, 3, 4], reasons: 'Thiếu vốn sản xuất', minority: true,
    people: [person('Hà Văn Thắng', 'Chủ hộ', '11/04/1972', 'Nam', 110), person('Lò Thị Xuân', 'Vợ', '09/09/1974', 'Nữ', 111), person('Hà Thị Yến', 'Con', '16/06/2010', 'Nữ', null)],
  },
  {
    code: 'XH-0701', village: 7, category: 'Hộ cận nghèo', split: 'again', b1: 138, deprivations: [11], reasons: 'Thiếu kỹ năng lao động',
    people: [person('Vũ Thị Lan', 'Chủ hộ', '27/02/1966', 'Nữ', 112)],
  },
];

const ESCAPED: readonly Household[] = [
  {
    code: 'XH-0201', village: 2, category: null, b1: 168, deprivations: [4], reasons: '', escapedYear: 2024,
    people: [person('Nguyễn Văn Hải', 'Chủ hộ', '04/05/1970', 'Nam', 201), person('Mai Thị Hương', 'Vợ', '22/08/1972', 'Nữ', 202), person('Nguyễn Thị Thảo', 'Con', '13/01/1998', 'Nữ', 203)],
  },
  {
    code: 'XH-0401', village: 4, category: null, b1: 151, deprivations: [], reasons: '', escapedYear: 2023,
    people: [person('Lê Văn Đức', 'Chủ hộ', '15/10/1962', 'Nam', 204), person('Trần Thị Lý', 'Vợ', '01/12/1965', 'Nữ', 205)],
  },
  {
    code: 'XH-0402', village: 4, category: null, b1: 180, deprivations: [9, 10], reasons: '', escapedYear: 2022,
    people: [person('Bùi Thị Hằng', 'Chủ hộ', '07/03/1979', 'Nữ', 206), person('Bùi Văn Quân', 'Con', '29/07/2003', 'Nam', 207)],
  },
  {
    code: 'XH-0601', village: 6, category: null, b1: 146, deprivations: [2], reasons: '', escapedYear: 2024,
    people: [
      person('Đinh Văn Toàn', 'Chủ hộ', '18/09/1985', 'Nam', 208), person('Cao Thị Hạnh', 'Vợ', '10/10/1987', 'Nữ', 209),
      person('Đinh Văn Phúc', 'Con', '06/06/2011', 'Nam', null), person('Đinh Thị Vân', 'Con', '20/04/2016', 'Nữ', null),
    ],
  },
];

const ESCAPED_NEAR_POOR: readonly Household[] = [
  {
    code: 'XH-0203', village: 2, category: null, b1: 172, deprivations: [], reasons: '', escapedYear: 2024,
    people: [person('Trương Văn Lực', 'Chủ hộ', '02/02/1976', 'Nam', 301), person('Ngô Thị Sen', 'Vợ', '12/12/1978', 'Nữ', 302)],
  },
  {
    code: 'XH-0502', village: 5, category: null, b1: 160, deprivations: [11], reasons: '', escapedYear: 2024,
    people: [person('Lương Thị Nga', 'Chủ hộ', '19/05/1969', 'Nữ', 303), person('Lương Văn Kiên', 'Con', '28/02/1994', 'Nam', 304), person('Lương Thị Hiền', 'Con', '14/03/1997', 'Nữ', 305)],
  },
  {
    code: 'XH-0702', village: 7, category: null, b1: 155, deprivations: [], reasons: '', escapedYear: 2023,
    people: [person('Đặng Văn Lợi', 'Chủ hộ', '09/11/1958', 'Nam', 306), person('Phan Thị Tâm', 'Vợ', '03/03/1960', 'Nữ', 307)],
  },
];

/** The same households as the national software exports them: its short category values (research §4.3). */
const SOFTWARE_EXPORT: readonly Household[] = POOR_AND_NEAR_POOR.map((h) => ({ ...h, category: h.category === 'Hộ nghèo' ? 'Nghèo' : 'Cận nghèo' }));

// ---------------------------------------------------------------------------------------------
// Columns the layouts share

const col = (key: string, header: HeaderCell, value: Column['value']): Column => ({ key, header, value });
const C = {
  seq: (header = 'STT') => col('seq', header, () => null),
  householdCode: col('householdCode', 'Mã hộ', onHead((h) => h.code)),
  relationship: col('relationship', 'Quan hệ với chủ hộ', (p) => p.relationship),
  born: col('born', 'Ngày sinh', (p) => p.born),
  gender: col('gender', 'Giới tính', (p) => p.gender),
  id: (header = 'Số CCCD') => col('id', header, (p) => p.id),
  ethnicity: col('ethnicity', 'Dân tộc', (_, h) => (h.minority ? 'Mường' : 'Kinh')),
  b1: (header = 'Điểm B1') => col('b1', header, onHead((h) => h.b1)),
  b2: (header = 'Điểm B2') => col('b2', header, onHead((h) => h.deprivations.length * 10)),
  age: col('age', 'Tuổi', (p) => 2024 - year(p)),
  size: col('size', 'Số nhân khẩu', onHead((h) => h.people.length)),
  note: col('note', 'Ghi chú', () => null),
};

// ---------------------------------------------------------------------------------------------
// The layouts

/**
 * §4.1 sheet 1: "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT", title in A4, data from row 8,
 * columns A–AA, one row per person. Source: a public NestJS importer of the three-sheet review
 * workbook (code index id 25237827259), as docs/official-forms-research.md §4.1 records it; the header
 * texts are inferred from the importer's field names (column Y is not read by it: here "Ghi chú").
 */
const REVIEW_LIST_COLUMNS: readonly Column[] = [
  C.seq(),
  C.householdCode,
  col('headName', 'Họ và tên chủ hộ', onHead((_, p) => p.name)),
  col('memberName', 'Họ và tên thành viên', (p, _, isHead) => (isHead ? null : p.name)),
  C.relationship,
  C.born,
  C.gender,
  C.id(),
  col('province', 'Tỉnh', onHead(() => 'Thanh Hoá')),
  col('district', 'Huyện', onHead(() => 'Thọ Xuân')),
  col('districtCode', 'Mã huyện', onHead(() => '391')),
  col('commune', 'Xã', onHead(() => 'Xuân Hoà')),
  col('communeCode', 'Mã xã', onHead(() => '15769')),
  col('village', 'Thôn', onHead((h) => VILLAGE(h.village))),
  C.ethnicity,
  col('category', 'Phân loại hộ', onHead((h) => h.category)),
  col('decision', 'Quyết định công nhận', onHead(() => '215/QĐ-UBND')),
  col('decisionDate', 'Ngày ban hành QĐ', onHead(() => '20/12/2024')),
  C.b1(),
  C.b2(),
  col('minority', 'Hộ DTTS', onHead((h) => mark(h.minority))),
  col('noWorkCapacity', 'Hộ không có khả năng lao động', onHead((h) => mark(h.noWorkCapacity))),
  col('merit', 'Hộ có thành viên là người có công', onHead((h) => mark(h.merit))),
  col('reasons', 'Nguyên nhân nghèo', onHead((h) => h.reasons)),
  C.note,
  C.age,
  C.size,
];

/**
 * §4.1 sheets 2 and 3: "DANH SÁCH HỘ THOÁT NGHÈO / THOÁT CẬN NGHÈO SAU KHI RÀ SOÁT", title in B5, data
 * from row 10, columns A–P, one row per person, no category and no village column (the address
 * instead). Source: the same importer (code index id 25237827259), research §4.1; the blank row 7
 * puts the header on row 8, the numbering on 9 and the data from row 10, as it reads them. It does
 * not read columns L and N: here the year out of poverty (the programme needs it) and the decision.
 */
const ESCAPED_LIST_COLUMNS: readonly Column[] = [
  C.seq(),
  C.householdCode,
  col('name', 'Họ và tên chủ hộ và thành viên', (p) => p.name),
  C.relationship,
  C.gender,
  C.born,
  C.id(),
  C.ethnicity,
  col('address', 'Địa chỉ', (_, h) => `${VILLAGE(h.village)}, xã Xuân Hoà`),
  C.b1(),
  C.b2(),
  col('escapedYear', 'Năm thoát nghèo', onHead((h) => h.escapedYear ?? null)),
  C.note,
  col('decision', 'Quyết định công nhận', onHead(() => '216/QĐ-UBND')),
  C.age,
  C.size,
];

const SUPPORT = ['Hỗ trợ y tế', 'Hỗ trợ giáo dục', 'Hỗ trợ sản xuất', 'Hỗ trợ vay vốn tín dụng', 'Hỗ trợ nhà ở', 'Khác'];

/**
 * §4.2: "DANH SÁCH CHI TIẾT HỘ NGHÈO" / "… HỘ CẬN NGHÈO" (the national software's reports 15 and 14),
 * three header rows (merged groups, sub-columns, "A | B | C | 1 … 16"), the village as "Thôn …" rows
 * in the name column, the category as a "CHIA HỘ … THEO" mark. Source: the reconstruction in a Đắk
 * Nông data project (code index id 55293148142, "Phụ lục số 2.3"), research §4.2.
 */
function detailListColumns(near: boolean): Column[] {
  const split = near ? 'CHIA HỘ CẬN NGHÈO THEO' : 'CHIA HỘ NGHÈO THEO';
  const splits = near ? ['Cận nghèo mới', 'Tái cận nghèo', 'Cận nghèo cũ'] : ['Nghèo mới', 'Tái nghèo', 'Nghèo cũ'];
  const seqIn = (h: Household, p: Person): Cell => h.people.indexOf(p) + 1;
  return [
    C.seq('STT chủ hộ'),
    col('memberSeq', 'STT thành viên hộ', (p, h) => seqIn(h, p)),
    col('name', 'HỌ, TÊN CHỦ HỘ VÀ THÀNH VIÊN TRONG HỘ; THÔN, BON, BUÔN, TỔ DÂN PHỐ', (p) => p.name),
    col('bornMale', { group: 'NĂM SINH', label: 'Nam' }, (p) => (p.gender === 'Nam' ? year(p) : null)),
    col('bornFemale', { group: 'NĂM SINH', label: 'Nữ' }, (p) => (p.gender === 'Nữ' ? year(p) : null)),
    C.ethnicity,
    C.relationship,
    ...(['new', 'again', 'old'] as const).map((s, i) => col(`split.${s}`, { group: split, label: splits[i] as string }, onHead((h) => mark(h.split === s)))),
    col('merit', 'Hộ chính sách có công', onHead((h) => mark(h.merit))),
    col('localEthnic', 'Hộ DTTC', onHead((h) => mark(h.minority))),
    col('noWorkCapacity', 'Hộ không có khả năng lao động', onHead((h) => mark(h.noWorkCapacity))),
    ...SUPPORT.map((label, i) =>
      col(`support${i + 1}`, { group: 'Chính sách hỗ trợ tiếp cận với các dịch vụ xã hội cơ bản', label }, onHead((h) => mark(i === 0 || (i === 2 && h.split === 'new')))),
    ),
  ];
}
const DETAIL_POOR = detailListColumns(false);
const DETAIL_NEAR_POOR = detailListColumns(true);
const DETAIL_NUMBERING: readonly Cell[] = ['A', 'B', 'C', ...Array.from({ length: 16 }, (_, i) => String(i + 1))];

/**
 * A national-software export, a household per row: its column names (Mã hộ, Số định danh cá nhân,
 * Mã thôn, Điểm phiếu B1/B2, Hộ KCKNLĐ, Hộ CSCC), the indicators as numbers in one cell, the reasons as
 * the national list's numbers, the short category values "Nghèo / Cận nghèo" (research §4.1 for the
 * fields, §4.3 for the values, §7.5 for the names; the layout of tests/shared/official-forms.test.ts).
 * The export's exact headings were not found (research §0): this is the layout those sources point to.
 */
const REASON_NUMBERS: Readonly<Record<string, number>> = {
  'Thiếu đất sản xuất': 1, 'Thiếu vốn sản xuất': 2, 'Thiếu lao động': 3, 'Thiếu kiến thức sản xuất': 5, 'Thiếu kỹ năng lao động': 6, 'Ốm đau, tai nạn': 7,
};
const SOFTWARE_EXPORT_COLUMNS: readonly Column[] = [
  C.seq(),
  C.householdCode,
  col('headName', 'Họ và tên chủ hộ', (p) => p.name),
  col('birthYear', 'Năm sinh', (p) => year(p)),
  C.gender,
  C.id('Số định danh cá nhân'),
  col('villageCode', 'Mã thôn', (_, h) => `0${h.village}`),
  col('village', 'Thôn', (_, h) => VILLAGE(h.village)),
  C.size,
  col('category', 'Phân loại hộ', (_, h) => h.category),
  C.b1('Điểm phiếu B1'),
  C.b2('Điểm phiếu B2'),
  col('deprivations', 'Các chỉ số thiếu hụt', (_, h) => h.deprivations.join(', ')),
  col('reasons', 'Nguyên nhân nghèo', (_, h) => h.reasons.split('; ').map((r) => REASON_NUMBERS[r] ?? 8).join('; ')),
  col('noWorkCapacity', 'Hộ KCKNLĐ', (_, h) => mark(h.noWorkCapacity)),
  col('merit', 'Hộ CSCC', (_, h) => mark(h.merit)),
];

const numbers = (columns: readonly Column[]): Cell[] => columns.map((_, i) => i + 1);
const decisionLine = (n: number): string => `(Kèm theo Quyết định số ${n}/QĐ-UBND ngày 20/12/2024 của UBND xã Xuân Hoà)`;

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'official-review-poor-near-poor',
    sheet: 'DS ho ngheo, can ngheo',
    heading: officialHeading(REVIEW_LIST_COLUMNS.length, 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT', decisionLine(215)),
    columns: REVIEW_LIST_COLUMNS,
    numbering: numbers(REVIEW_LIST_COLUMNS),
    personRows: true,
    households: POOR_AND_NEAR_POOR,
    plants: [
      { at: { household: 1, person: 2 }, set: { id: '03817100010' }, issues: [{ code: 'ID.FORMAT' }] },
      { at: { household: 2 }, set: { householdCode: 'XH-0101' }, issues: [{ code: 'HH.CODE_DUPLICATE' }] },
      { at: { household: 2 }, set: { b2: 40 }, issues: [{ code: 'HH.CLASS_MISMATCH', column: 'category' }] },
      { at: { household: 3 }, set: { village: 'Thôn 9' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
      { at: { household: 4 }, set: { size: 5 }, issues: [{ code: 'HH.MEMBER_COUNT' }] },
      { at: { household: 4, person: 3 }, set: { id: cccd(1968, 'Nam', 101) }, issues: [{ code: 'ID.DUPLICATE' }, { code: 'ID.BIRTH_MISMATCH' }] },
      { at: { household: 5 }, set: { decisionDate: '31/02/2024' }, issues: [{ code: 'CELL.TYPE' }] },
      { at: { household: 6 }, set: { category: 'Hộ khó khăn' }, issues: [{ code: 'HH.CATEGORY_UNKNOWN' }] },
    ],
  },
  {
    name: 'official-review-escaped',
    sheet: 'DS ho thoat ngheo',
    heading: [...officialHeading(ESCAPED_LIST_COLUMNS.length, 'DANH SÁCH HỘ THOÁT NGHÈO SAU KHI RÀ SOÁT', decisionLine(216), { row: 5, column: 'B' }), []],
    columns: ESCAPED_LIST_COLUMNS,
    numbering: numbers(ESCAPED_LIST_COLUMNS),
    personRows: true,
    households: ESCAPED,
    plants: [
      { at: { household: 1 }, set: { escapedYear: 2020 }, issues: [{ code: 'HH.ESCAPED_WINDOW' }] },
      { at: { household: 1, person: 3 }, set: { id: '099198000203' }, issues: [{ code: 'ID.PROVINCE' }] },
      { at: { household: 2 }, set: { address: 'Thôn 8, xã Xuân Hoà' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
      { at: { household: 3 }, set: { size: 3 }, issues: [{ code: 'HH.MEMBER_COUNT' }] },
      { at: { household: 4, person: 2 }, set: { name: null }, issues: [{ code: 'CELL.REQUIRED' }] },
      { at: { household: 4, person: 3 }, set: { born: '31/13/2011' }, issues: [{ code: 'CELL.TYPE' }] },
    ],
  },
  {
    name: 'official-review-escaped-near-poor',
    sheet: 'DS ho thoat can ngheo',
    heading: [...officialHeading(ESCAPED_LIST_COLUMNS.length, 'DANH SÁCH HỘ THOÁT CẬN NGHÈO SAU KHI RÀ SOÁT', decisionLine(217), { row: 5, column: 'B' }), []],
    columns: ESCAPED_LIST_COLUMNS,
    numbering: numbers(ESCAPED_LIST_COLUMNS),
    personRows: true,
    households: ESCAPED_NEAR_POOR,
    plants: [
      { at: { household: 1 }, set: { escapedYear: null }, issues: [{ code: 'HH.ESCAPED_WINDOW' }] },
      { at: { household: 1, person: 2 }, set: { id: cccd(1976, 'Nam', 301) }, issues: [{ code: 'ID.DUPLICATE' }, { code: 'ID.BIRTH_MISMATCH' }] },
      { at: { household: 2 }, set: { address: 'Xóm Đông, xã Xuân Hoà' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
      { at: { household: 3 }, set: { born: '09/11/1908', id: cccd(1908, 'Nam', 306), age: 116 }, issues: [{ code: 'HH.AGE_RANGE', column: 'born' }] },
    ],
  },
  {
    name: 'software-detail-poor',
    sheet: 'Bieu 15',
    heading: officialHeading(DETAIL_POOR.length, 'DANH SÁCH CHI TIẾT HỘ NGHÈO', 'Kèm theo báo cáo kết quả rà soát định kỳ năm 2024'),
    columns: DETAIL_POOR,
    numbering: DETAIL_NUMBERING,
    personRows: true,
    villageRows: 'name',
    households: POOR_AND_NEAR_POOR.filter((h) => h.category === 'Hộ nghèo'),
    plants: [
      { at: { household: 1, groupRow: true }, set: { name: 'Thôn 8' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
      { at: { household: 1, person: 2 }, set: { bornFemale: 'năm 71' }, issues: [{ code: 'CELL.TYPE' }] },
      { at: { household: 2 }, set: { 'split.old': 'x' }, issues: [{ code: 'HH.CATEGORY_UNKNOWN', column: null }] },
      { at: { household: 3 }, set: { 'split.again': null }, issues: [{ code: 'HH.CATEGORY_UNKNOWN', column: null }] },
      { at: { household: 3, person: 3 }, set: { name: null }, issues: [{ code: 'CELL.REQUIRED' }] },
    ],
  },
  {
    name: 'software-detail-near-poor',
    sheet: 'Bieu 14',
    heading: officialHeading(DETAIL_NEAR_POOR.length, 'DANH SÁCH CHI TIẾT HỘ CẬN NGHÈO', 'Kèm theo báo cáo kết quả rà soát định kỳ năm 2024'),
    columns: DETAIL_NEAR_POOR,
    numbering: DETAIL_NUMBERING,
    personRows: true,
    villageRows: 'name',
    households: POOR_AND_NEAR_POOR.filter((h) => h.category === 'Hộ cận nghèo'),
    plants: [
      { at: { household: 1 }, set: { bornFemale: 2015 }, issues: [{ code: 'HH.AGE_RANGE' }] },
      { at: { household: 2 }, set: { 'split.new': 'x' }, issues: [{ code: 'HH.CATEGORY_UNKNOWN', column: null }] },
      { at: { household: 3, groupRow: true }, set: { name: 'Thôn 07A' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
      { at: { household: 2, person: 3 }, set: { name: null }, issues: [{ code: 'CELL.REQUIRED' }] },
    ],
  },
  {
    name: 'software-export-codes',
    sheet: 'Export',
    heading: [[['A', 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', SOFTWARE_EXPORT_COLUMNS.length]], [['A', 'Xã Xuân Hoà, huyện Thọ Xuân, tỉnh Thanh Hoá', SOFTWARE_EXPORT_COLUMNS.length]]],
    columns: SOFTWARE_EXPORT_COLUMNS,
    numbering: SOFTWARE_EXPORT_COLUMNS.map((_, i) => `(${i + 1})`),
    personRows: false,
    households: SOFTWARE_EXPORT,
    plants: [
      { at: { household: 1 }, set: { deprivations: '1, 4, 14' }, issues: [{ code: 'CELL.TYPE' }] },
      { at: { household: 2 }, set: { category: 'Hộ không nghèo' }, issues: [{ code: 'HH.CATEGORY_UNKNOWN' }] },
      { at: { household: 3 }, set: { b2: 30 }, issues: [{ code: 'HH.B2_MISMATCH' }] },
      { at: { household: 4 }, set: { deprivations: '9, 10, 11', b2: 30 }, issues: [{ code: 'HH.CLASS_MISMATCH', column: 'category' }] },
      { at: { household: 5 }, set: { size: 0 }, issues: [{ code: 'HH.SIZE_RANGE' }] },
      { at: { household: 6 }, set: { id: cccd(1972, 'Nam', 110) }, issues: [{ code: 'ID.DUPLICATE' }, { code: 'ID.BIRTH_MISMATCH' }] },
      { at: { household: 6 }, set: { village: 'Thôn 10' }, issues: [{ code: 'HH.VILLAGE_UNKNOWN' }] },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Layout → grid, answer key and file

export interface ExpectedIssue {
  code: string;
  sheet: string;
  row: number;
  column?: string;
}

export interface Fixture {
  /** `<layout>-clean` or `<layout>-errors`. */
  name: string;
  layout: Layout;
  grid: Grid;
  key: { date: string; plan: string; issues: ExpectedIssue[] };
}

/** The data rows of a layout, each with the place it stands for (household, person, or a village row). */
function placedRows(layout: Layout): { at: At; cells: Cell[] }[] {
  const out: { at: At; cells: Cell[] }[] = [];
  let village: number | null = null;
  layout.households.forEach((h, i) => {
    const household = i + 1;
    if (layout.villageRows && h.village !== village) {
      out.push({ at: { household, groupRow: true }, cells: layout.columns.map((c) => (c.key === layout.villageRows ? VILLAGE(h.village) : null)) });
    }
    village = h.village;
    const people = layout.personRows ? h.people : [head(h)];
    people.forEach((p, k) => {
      const cells = layout.columns.map((c) => (c.key === 'seq' ? (k === 0 ? household : null) : c.value(p, h, k === 0)));
      out.push({ at: { household, person: k + 1 }, cells });
    });
  });
  return out;
}

const sameAt = (a: At, b: At): boolean => a.household === b.household && (a.groupRow === true) === (b.groupRow === true) && (a.groupRow === true || (a.person ?? 1) === (b.person ?? 1));

function columnOf(layout: Layout, key: string): number {
  const i = layout.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${layout.name}: no column ${key}`);
  return i;
}

/** The grid of a layout, with its plants or without, and the issues they must give. */
export function buildFixture(layout: Layout, planted: boolean): Fixture {
  const rows = placedRows(layout);
  const headerRow = layout.heading.length + 1;
  const twoRowHeader = layout.columns.some((c) => typeof c.header !== 'string');
  const firstDataRow = headerRow + (twoRowHeader ? 2 : 1) + 1;
  const issues: ExpectedIssue[] = [];
  if (planted) {
    for (const plant of layout.plants) {
      const r = rows.findIndex((x) => sameAt(x.at, plant.at));
      const target = rows[r];
      if (!target) throw new Error(`${layout.name}: nothing at ${JSON.stringify(plant.at)}`);
      const keys = Object.keys(plant.set);
      for (const k of keys) target.cells[columnOf(layout, k)] = plant.set[k] ?? null;
      for (const issue of plant.issues) {
        const key = issue.column === undefined ? keys[0] : issue.column;
        const found: ExpectedIssue = { code: issue.code, sheet: layout.sheet, row: firstDataRow + r };
        if (key !== null && key !== undefined) found.column = columnLetters(columnOf(layout, key) + 1);
        issues.push(found);
      }
    }
  }
  const footer: CellValue[][] = [[], ...SIGNATURE.map(([left, right]) => {
    const cells: CellValue[] = [null, left];
    cells[layout.columns.length - 4] = right;
    return Array.from(cells, (v) => v ?? null);
  })];
  const grid = sheet(layout.columns.map((c) => c.header), [[...layout.numbering], ...rows.map((x) => x.cells)], {
    name: layout.sheet,
    titleLines: layout.heading.map(() => ''),
    after: footer,
  });
  const merges = [...grid.merges];
  layout.heading.forEach((line, r) => {
    const cells: CellValue[] = [];
    for (const [column, text, span] of line) {
      const c = columnNumber(column);
      cells[c - 1] = text;
      if (span > 1) merges.push(`${column}${r + 1}:${columnLetters(c + span - 1)}${r + 1}`);
    }
    grid.rows[r] = Array.from(cells, (v) => v ?? null);
  });
  issues.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '') || a.code.localeCompare(b.code));
  return {
    name: `${layout.name}-${planted ? 'errors' : 'clean'}`,
    layout,
    grid: { ...grid, merges },
    key: { date: FIXTURE_DATE, plan: PLAN, issues },
  };
}

export function allFixtures(): Fixture[] {
  return LAYOUTS.flatMap((layout) => [buildFixture(layout, false), buildFixture(layout, true)]);
}

/** The .xlsx of a fixture, written by exceljs, with fixed times in the properties and the zip. */
export async function fixtureXlsx(fixture: Fixture): Promise<Uint8Array> {
  const written = await gridsToXlsx([fixture.grid], { createdAt: WRITTEN_AT });
  const entries = unzipSync(written);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([path, data]) => [path, [data, { mtime: WRITTEN_AT }]])), { level: 6 });
}

export async function writeFixtures(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const fixture of allFixtures()) {
    writeFileSync(join(dir, `${fixture.name}.xlsx`), await fixtureXlsx(fixture));
    writeFileSync(join(dir, `${fixture.name}.expected.json`), `${JSON.stringify(fixture.key, null, 1)}\n`);
    written.push(fixture.name);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? FIXTURES_DIR);
  const names = await writeFixtures(dir);
  console.log(`${names.length} fixtures written into ${dir}`);
}
