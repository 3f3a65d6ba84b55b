import { crc32, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { contentDisposition, workbookDisplayName, workbookFileName, writeDistrictWorkbook } from '../../worker/workbook/index.ts';
import {
  BENEFICIARIES_A,
  BENEFICIARIES_B,
  BENEFICIARIES_C,
  COMMUNES,
  FORMULA_TEXT,
  fixtureSource,
  HOUSEHOLDS_A,
  HOUSEHOLDS_B,
  HOUSEHOLDS_C,
  PROGRESS_A,
  PROGRESS_B,
  TRICKY_TEXT_READ,
} from './fixture.ts';
import { collect, type ReadBack, readBack, type Row, rounded } from './read-back.ts';
import { zipEntries } from './zip-entries.ts';

/**
 * The district workbook of the hand-made fixture (fixture.ts), read back with SheetJS. Every
 * expected figure below is worked out by hand from the fixture's rows, in the comments.
 */

const TOTAL = 'Tổng cộng';
// Excel serials of the submission times, in Vietnam time (UTC+7): 2024-12-01 is day 45627.
const DEC = (day: number, hour: number, minute = 0): number => 45626 + day + (hour + minute / 60) / 24;

let book: ReadBack;
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await collect(writeDistrictWorkbook(fixtureSource()));
  book = readBack(bytes);
});

/** Rows from `first` (Excel row) on, `count` of them. */
function rowsAt(sheet: string, first: number, count: number): Row[] {
  return rounded(book.rows(sheet).slice(first - 1, first - 1 + count));
}

describe('district workbook: structure', () => {
  it('has the sheets in the order of SPEC section 6', () => {
    expect(book.workbook.SheetNames).toEqual([
      'Tổng hợp',
      'Diễn biến',
      'Thiếu hụt',
      'Nhóm đối tượng',
      'Dự án',
      'Hộ',
      'Đối tượng hỗ trợ',
      'Tiến độ',
      'Kiểm tra',
      'Nguồn',
    ]);
  });

  it('is a sound zip: every entry deflated, sizes and CRC-32 in the central directory match the data', () => {
    const entries = zipEntries(bytes);
    expect(entries.map((e) => e.name)[0]).toBe('[Content_Types].xml');
    for (const e of entries) {
      expect(e.method, e.name).toBe(8);
      const data = inflateRawSync(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
      expect(data.length, e.name).toBe(e.size);
      expect(crc32(data) >>> 0, e.name).toBe(e.crc);
    }
  });

  it('gives every sheet a Vietnamese title row naming the district and period', () => {
    expect(book.rows('Tổng hợp')[0]?.[0]).toBe('TỔNG HỢP KẾT QUẢ GIẢM NGHÈO — HUYỆN THỌ XUÂN — NĂM 2024 (2024-Y)');
    expect(book.rows('Hộ')[0]?.[0]).toBe('DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ MỚI THOÁT NGHÈO — HUYỆN THỌ XUÂN — NĂM 2024 (2024-Y)');
    for (const name of book.workbook.SheetNames) {
      expect(String(book.rows(name)[0]?.[0])).toMatch(/ — HUYỆN THỌ XUÂN — NĂM 2024 \(2024-Y\)$/);
      expect(String(book.rows(name)[1]?.[0])).toMatch(/^Lập lúc 20\/12\/2024 08:30 \(giờ Việt Nam\)/);
    }
  });

  it('puts every submitted row in its per-kind sheet exactly once, commune first', () => {
    const keys = (sheet: string, first: number): string[] =>
      book
        .rows(sheet)
        .slice(first - 1)
        .map((r) => `${r[0]}|${r[1]}|${r[2]}`)
        .sort();
    const expected = (list: { commune: string; rows: { sheet: string; row: number }[] }[]): string[] =>
      list.flatMap((c) => c.rows.map((r) => `${c.commune}|${r.sheet}|${r.row}`)).sort();

    expect(keys('Hộ', 5)).toEqual(
      expected([
        { commune: 'Xuân Hoà', rows: HOUSEHOLDS_A },
        { commune: 'Xuân Lai', rows: HOUSEHOLDS_B },
        { commune: 'Thọ Lập', rows: HOUSEHOLDS_C },
      ]),
    );
    expect(keys('Đối tượng hỗ trợ', 4)).toEqual(
      expected([
        { commune: 'Xuân Hoà', rows: BENEFICIARIES_A },
        { commune: 'Xuân Lai', rows: BENEFICIARIES_B },
        { commune: 'Thọ Lập', rows: BENEFICIARIES_C },
      ]),
    );
    expect(keys('Tiến độ', 5)).toEqual(
      expected([
        { commune: 'Xuân Hoà', rows: PROGRESS_A },
        { commune: 'Xuân Lai', rows: PROGRESS_B },
      ]),
    );
    // The previous annual list is an input of Diễn biến, not a row of the merged list.
    expect(book.rows('Hộ').some((r) => r[1] === 'DS 2023')).toBe(false);
  });

  it('writes the household fields under Vietnamese headers, deprivations and reasons as x marks', () => {
    const rows = book.rows('Hộ');
    expect(rows[2]?.slice(0, 17)).toEqual([
      'Xã',
      'Sheet gốc',
      'Dòng gốc',
      'Mã hộ',
      'Họ và tên chủ hộ',
      'Năm sinh',
      'Giới tính',
      'Số CCCD / định danh',
      'Dân tộc',
      'Thôn',
      'Thôn (theo kế hoạch)',
      'Số nhân khẩu',
      'Phân loại hộ',
      'Phân loại đầu kỳ',
      'Thu nhập bình quân (đồng/người/tháng)',
      'Điểm B1',
      'Điểm B2',
    ]);
    expect(rows[2]?.[17]).toBe('Các chỉ số thiếu hụt');
    expect(rows[3]?.slice(17, 29)).toEqual([
      'Việc làm',
      'Người phụ thuộc trong hộ gia đình',
      'Dinh dưỡng',
      'Bảo hiểm y tế',
      'Trình độ giáo dục của người lớn',
      'Tình trạng đi học của trẻ em',
      'Chất lượng nhà ở',
      'Diện tích nhà ở bình quân đầu người',
      'Nguồn nước sinh hoạt',
      'Nhà tiêu hợp vệ sinh',
      'Sử dụng dịch vụ viễn thông',
      'Phương tiện phục vụ tiếp cận thông tin',
    ]);
    expect(rows[2]?.slice(29, 34)).toEqual(['Tổng số chỉ số thiếu hụt', 'Hộ có người có công', 'Hộ không có khả năng lao động', 'Năm thoát nghèo', 'Nguyên nhân nghèo']);
    // Xuân Hoà's second household: Lê Văn Hai, deprived on D01, D04, D07, D08; reasons land and capital.
    const x = 'x';
    expect(rows[5]).toEqual([
      'Xuân Hoà', 'DS hộ', 6, null, 'Lê Văn Hai', 1970, 'Nam', '038080000002', 'Mường', 'Thôn 1', 'Thôn 1', 4, 'Hộ nghèo', 'Hộ nghèo', 1_200_000, null, null,
      x, null, null, x, null, null, x, x, null, null, null, null,
      4, null, x, null,
      x, x, null, null, null, null, null, null,
    ]);
    // Thọ Lập's list has no indicator columns: no marks, the stated count.
    expect(rows[28]?.slice(17, 30)).toEqual([...Array(12).fill(null), 4]);
    // An ID number stays text (leading zero kept).
    expect(book.sheet('Hộ').H6?.t).toBe('s');
  });
});

describe('district workbook: analysis sheets against hand-computed figures', () => {
  it('Tổng hợp: counts, rates, targets against results, funds, submission status; totals row', () => {
    expect(rowsAt('Tổng hợp', 5, 4)).toEqual(
      rounded([
        // Xuân Hoà: poor A1 A2 A3 A4 A12 = 5 of 400; near-poor A5–A8 = 4; newly escaped A9–A11 = 3.
        // Start (column): poor A1 A2 A5 A9 A12 = 5 → 5 − 5 = 0 reduced (target 2); near-poor A3 A6 A7 A10 = 4 → 0 (target 5).
        // Funds: 100M + 40M + (10M + 2M, no stated total) = 152M allocated; 60M + 40M + 0 = 100M disbursed.
        [1, 'Xuân Hoà', 'XH', 400, 5, 5 / 400, 4, 4 / 400, 3, 3 / 400, 5, 2, 0, 4, 5, 0, 152_000_000, 100_000_000, 100 / 152,
          'Đúng hạn', DEC(8, 10), 'Đúng hạn', DEC(9, 17), 'Đúng hạn', DEC(9, 17)],
        // Xuân Lai: poor B1 B4 B8 B10 = 4 of 500; near-poor B3 B5 B7 B9 B12 = 5; newly escaped B2 B6 B11 = 3.
        // Start (previous list): poor P1 P2 P3 P6 P10 = 5 → reduced 1 (target 3); near-poor P4 P5 P7 P9 = 4 → 4 − 5 = −1 (target 4).
        // Funds: 50M + 30M = 80M; 25M + 30M = 55M. Progress received 16:30 UTC = 23:30 on the 10th: on time.
        [2, 'Xuân Lai', 'XL', 500, 4, 4 / 500, 5, 5 / 500, 3, 3 / 500, 5, 3, 1, 4, 4, -1, 80_000_000, 55_000_000, 55 / 80,
          'Muộn', DEC(12, 9), 'Muộn', DEC(12, 9), 'Đúng hạn', DEC(10, 23, 30)],
        // Thọ Lập: poor C1 C2 C3 C10 = 4 of 250; near-poor C4 C5 C6 C7 C11 = 5; newly escaped C8 C9 C12 = 3.
        // Start (column): poor C1 C2 C5 C8 = 4 → 0 (target 1); near-poor C4 C7 C10 C11 C12 = 5 → 0 (target 2). No progress report.
        [3, 'Thọ Lập', 'TL', 250, 4, 4 / 250, 5, 5 / 250, 3, 3 / 250, 4, 1, 0, 5, 2, 0, null, null, null,
          'Đúng hạn', DEC(1, 8), 'Đúng hạn', DEC(1, 8), 'Chưa nộp', null],
        // Totals: 1,150 households; 13 poor, 14 near-poor, 9 newly escaped; starts 14 and 13, targets 6 and 11, results 1 and −1.
        [null, TOTAL, null, 1150, 13, 13 / 1150, 14, 14 / 1150, 9, 9 / 1150, 14, 6, 1, 13, 11, -1, 232_000_000, 155_000_000, 155 / 232,
          'Đã nộp 3/3 xã', null, 'Đã nộp 3/3 xã', null, 'Đã nộp 2/3 xã', null],
      ]),
    );
  });

  it('Diễn biến: from the start-of-year column, and from two annual lists (Xuân Lai); totals', () => {
    expect(book.rows('Diễn biến')[3]?.slice(3, 17)).toEqual([
      'Đầu năm', 'Thoát nghèo', 'Chuyển sang cận nghèo', 'Từ cận nghèo chuyển sang', 'Phát sinh mới', 'Cuối năm',
      'Đầu năm', 'Thoát cận nghèo', 'Chuyển sang hộ nghèo', 'Từ hộ nghèo chuyển sang', 'Phát sinh mới', 'Cuối năm',
      null, null,
    ]);
    expect(rowsAt('Diễn biến', 5, 4)).toEqual([
      // Xuân Hoà: poor→out A9; poor→near-poor A5; near-poor→poor A3; new poor A4 (was newly escaped);
      // near-poor→out A10; new near-poor A8 (blank start); newly escaped this year A9, A10.
      [1, 'Xuân Hoà', 'Phân loại đầu kỳ', 5, 1, 1, 1, 1, 5, 4, 1, 1, 1, 1, 4, 2, 0],
      // Xuân Lai, matched with the 2023 list (by ID; Lê Thị Cúc and "Ngô  Văn Long" in "thôn 05" by name + village;
      // Trịnh Văn Quang not, the two lists give him different IDs):
      // poor→out B2, and P6, P10 gone from the list = 3; poor→near-poor B3; near-poor→poor B4; new poor B8, B10;
      // near-poor→out P7 gone; new near-poor B9, B12; newly escaped this year B2, B11.
      [2, 'Xuân Lai', 'Danh sách năm trước', 5, 3, 1, 1, 2, 4, 4, 1, 1, 1, 2, 5, 2, 0],
      // Thọ Lập: poor→out C8; poor→near-poor C5; near-poor→poor C10; new poor C3; near-poor→out C12; new near-poor C6.
      [3, 'Thọ Lập', 'Phân loại đầu kỳ', 4, 1, 1, 1, 1, 4, 5, 1, 1, 1, 1, 5, 2, 0],
      [null, TOTAL, null, 14, 5, 3, 3, 4, 13, 13, 3, 3, 3, 4, 14, 6, 0],
    ]);
  });

  it('Diễn biến from two annual lists alone (a commune without the start-of-year column)', async () => {
    const base = fixtureSource();
    const lai = COMMUNES[1];
    if (!lai) throw new Error('fixture');
    const only = readBack(await collect(writeDistrictWorkbook({ ...base, communes: [lai] })));
    expect(rounded(only.rows('Diễn biến').slice(4, 6))).toEqual([
      [1, 'Xuân Lai', 'Danh sách năm trước', 5, 3, 1, 1, 2, 4, 4, 1, 1, 1, 2, 5, 2, 0],
      [null, TOTAL, null, 5, 3, 1, 1, 2, 4, 4, 1, 1, 1, 2, 5, 2, 0],
    ]);
    // Without the previous list the start cannot be known: blanks, and all 12 households "chưa rõ".
    const none = readBack(await collect(writeDistrictWorkbook({ ...base, communes: [lai], previousHouseholds: () => (async function* () {})() })));
    expect(none.rows('Diễn biến')[4]).toEqual([1, 'Xuân Lai', 'Không có số liệu đầu năm', null, null, null, null, null, 4, null, null, null, null, null, 5, null, 12]);
    expect(none.rows('Tổng hợp')[4]?.slice(10, 16)).toEqual([null, 3, null, null, 4, null]);
  });

  it('Thiếu hụt: deprived households per indicator and the share, poor and near-poor; totals', () => {
    const pairs = (counts: (number | null)[], base: number | null): (number | null)[] =>
      counts.flatMap((n) => [n, n === null || base === null ? null : n / base]);
    const blank = Array<null>(24).fill(null);
    expect(rowsAt('Thiếu hụt', 5, 8)).toEqual(
      rounded([
        // Xuân Hoà poor: A1 D01 D03 D04; A2 D01 D04 D07 D08; A3 D03 D04 D05; A4 D01 D02 D03 D10; A12 D01 D02 D05 D06 D07 D12.
        [1, 'Xuân Hoà', 'Hộ nghèo', 5, 5, ...pairs([4, 2, 3, 3, 2, 1, 2, 1, 0, 1, 0, 1], 5)],
        // Near-poor: A5 D04; A6 D04 D09; A7 none; A8 D11.
        [1, 'Xuân Hoà', 'Hộ cận nghèo', 4, 4, ...pairs([0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 1, 0], 4)],
        // Xuân Lai poor: B1 D01 D02 D03; B4 D03 D04 D05 D06; B8 D07 D08 D09; B10 D10 D11 D12.
        [2, 'Xuân Lai', 'Hộ nghèo', 4, 4, ...pairs([1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1], 4)],
        // Near-poor: B3 D01; B5 D01 D02; B7 none; B9 D12; B12 D01.
        [2, 'Xuân Lai', 'Hộ cận nghèo', 5, 5, ...pairs([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 5)],
        // Thọ Lập's list has no indicator columns: counted households, blank indicators.
        [3, 'Thọ Lập', 'Hộ nghèo', 4, null, ...blank],
        [3, 'Thọ Lập', 'Hộ cận nghèo', 5, null, ...blank],
        // Totals over the 9 + 9 households with indicator data.
        [null, TOTAL, 'Hộ nghèo', 13, 9, ...pairs([5, 3, 5, 4, 3, 2, 3, 2, 1, 2, 1, 2], 9)],
        [null, TOTAL, 'Hộ cận nghèo', 14, 9, ...pairs([3, 1, 0, 2, 0, 0, 0, 0, 1, 0, 1, 1], 9)],
      ]),
    );
  });

  it('Nhóm đối tượng: working capacity, merit families, ethnic minorities, reasons; totals', () => {
    const blank = Array<null>(8).fill(null);
    // Reason columns: land, capital, labour, equipment, knowledge, skills, illness, other.
    expect(rowsAt('Nhóm đối tượng', 5, 8)).toEqual([
      // Poor: no capacity A2 A4; merit A3 A12; minorities A2 (Mường) A4 (Thái) A12 (Dao); reasons on all five.
      [1, 'Xuân Hoà', 'Hộ nghèo', 5, 2, 2, 3, 5, 2, 2, 1, 1, 0, 1, 2, 0],
      // Near-poor: merit A7; minority A7 (Mường); reasons A5 capital, A6 knowledge, A8 other.
      [1, 'Xuân Hoà', 'Hộ cận nghèo', 4, 0, 1, 1, 3, 0, 1, 0, 0, 1, 0, 0, 1],
      // Poor: no capacity B10; merit B1; minority B8 (Tày); reasons B1 capital, B4 land, B8 capital + labour.
      [2, 'Xuân Lai', 'Hộ nghèo', 4, 1, 1, 1, 3, 1, 2, 1, 0, 0, 0, 0, 0],
      // Near-poor: minority B9 (Mường); reasons B5 skills.
      [2, 'Xuân Lai', 'Hộ cận nghèo', 5, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0],
      // Thọ Lập carries neither ethnicity nor reasons: blanks there; C2 no capacity, C4 merit.
      [3, 'Thọ Lập', 'Hộ nghèo', 4, 1, 0, null, null, ...blank],
      [3, 'Thọ Lập', 'Hộ cận nghèo', 5, 0, 1, null, null, ...blank],
      [null, TOTAL, 'Hộ nghèo', 13, 4, 3, 4, 8, 3, 4, 2, 1, 0, 1, 2, 0],
      [null, TOTAL, 'Hộ cận nghèo', 14, 0, 2, 2, 4, 0, 1, 0, 0, 1, 1, 0, 1],
    ]);
  });

  it('Dự án: each sub-project per commune (list rows, reported count, funds); totals per sub-project and overall', () => {
    const sub = (code: string): [string, string, string] => {
      const s = XUAN_HOA_2024.subProjects.find((p) => p.code === code);
      const lead = XUAN_HOA_2024.units.find((u) => u.id === s?.lead);
      if (!s || !lead) throw new Error(code);
      return [code, s.name, lead.name];
    };
    const none = [null, null, null, null, null, null, null, null];
    const empty = (stt: number | null, commune: string, code: string): Row => [stt, commune, ...sub(code), 0, ...none];
    const M = 1_000_000;
    expect(rowsAt('Dự án', 5, 39)).toEqual(
      rounded([
        [1, 'Xuân Hoà', ...sub('DA2'), 3, 3, 100 * M, 80 * M, 15 * M, 5 * M, 60 * M, 0.6, 'Đang thực hiện'],
        empty(1, 'Xuân Hoà', 'DA3.1'),
        [1, 'Xuân Hoà', ...sub('DA3.2'), 2, 2, 40 * M, 40 * M, 0, 0, 40 * M, 1, 'Hoàn thành'],
        empty(1, 'Xuân Hoà', 'DA4.1'),
        empty(1, 'Xuân Hoà', 'DA4.3'),
        [1, 'Xuân Hoà', ...sub('DA6.1'), 1, 1, 12 * M, 10 * M, 2 * M, null, 0, 0, 'Chưa thực hiện'],
        empty(1, 'Xuân Hoà', 'DA6.2'),
        empty(1, 'Xuân Hoà', 'DA7.1'),
        empty(1, 'Xuân Hoà', 'DA7.2'),
        [2, 'Xuân Lai', ...sub('DA2'), 2, 2, 50 * M, 50 * M, null, null, 25 * M, 0.5, null],
        empty(2, 'Xuân Lai', 'DA3.1'),
        empty(2, 'Xuân Lai', 'DA3.2'),
        // The report counts 3 beneficiaries, the list has 2 rows: both shown.
        [2, 'Xuân Lai', ...sub('DA4.1'), 2, 3, 30 * M, 20 * M, 10 * M, 0, 30 * M, 1, null],
        empty(2, 'Xuân Lai', 'DA4.3'),
        empty(2, 'Xuân Lai', 'DA6.1'),
        empty(2, 'Xuân Lai', 'DA6.2'),
        empty(2, 'Xuân Lai', 'DA7.1'),
        empty(2, 'Xuân Lai', 'DA7.2'),
        [2, 'Xuân Lai', null, '(chưa xác định dự án)', null, 1, ...none],
        empty(3, 'Thọ Lập', 'DA2'),
        [3, 'Thọ Lập', ...sub('DA3.1'), 3, ...none],
        empty(3, 'Thọ Lập', 'DA3.2'),
        empty(3, 'Thọ Lập', 'DA4.1'),
        empty(3, 'Thọ Lập', 'DA4.3'),
        empty(3, 'Thọ Lập', 'DA6.1'),
        empty(3, 'Thọ Lập', 'DA6.2'),
        empty(3, 'Thọ Lập', 'DA7.1'),
        empty(3, 'Thọ Lập', 'DA7.2'),
        // Totals per sub-project: DA2 3 + 2 rows, 3 + 2 reported, 100M + 50M allocated, 60M + 25M disbursed.
        [null, TOTAL, ...sub('DA2'), 5, 5, 150 * M, 130 * M, 15 * M, 5 * M, 85 * M, 85 / 150, null],
        [null, TOTAL, ...sub('DA3.1'), 3, ...none],
        [null, TOTAL, ...sub('DA3.2'), 2, 2, 40 * M, 40 * M, 0, 0, 40 * M, 1, null],
        [null, TOTAL, ...sub('DA4.1'), 2, 3, 30 * M, 20 * M, 10 * M, 0, 30 * M, 1, null],
        empty(null, TOTAL, 'DA4.3'),
        [null, TOTAL, ...sub('DA6.1'), 1, 1, 12 * M, 10 * M, 2 * M, null, 0, 0, null],
        empty(null, TOTAL, 'DA6.2'),
        empty(null, TOTAL, 'DA7.1'),
        empty(null, TOTAL, 'DA7.2'),
        [null, TOTAL, null, '(chưa xác định dự án)', null, 1, ...none],
        // Everything: 14 list rows, 11 reported, 232M allocated (200M + 27M + 5M), 155M disbursed.
        [null, TOTAL, null, 'Tất cả dự án, tiểu dự án', null, 14, 11, 232 * M, 200 * M, 27 * M, 5 * M, 155 * M, 155 / 232, null],
      ]),
    );
  });
});

describe('district workbook: checks and sources', () => {
  it('Kiểm tra lists the planted cross-commune duplicate ID with both places, and the missing report', () => {
    expect(book.rows('Kiểm tra').slice(3, 5)).toEqual([
      // Xuân Hoà's first household is row 5 of "Hộ" (row 5 of its sheet); Thọ Lập's first is row 5 + 12 + 12 = 29 (row 7 of "DS hộ").
      [1, 'Trùng số CCCD giữa hai xã', 'Xuân Hoà', '038080000001', 5, 5, 'Thọ Lập', 'Hà Văn Sơn', 'DS hộ', 29, 7, null],
      [2, 'Chưa nộp báo cáo', 'Thọ Lập', null, null, null, null, null, null, null, null, 'Báo cáo tiến độ'],
    ]);
    expect(book.rows('Hộ')[28]?.slice(0, 8)).toEqual(['Thọ Lập', 'DS hộ', 7, null, 'Hà Văn Sơn', 1970, 'Nam', '038080000001']);
  });

  it('Nguồn lists each submission: commune, kind, version, time, checksum, rule pack, who', () => {
    expect(rounded(book.rows('Nguồn').slice(3))).toEqual(
      rounded([
        [1, 'Xuân Hoà', 'Danh sách hộ', 2, DEC(8, 10), 'Đúng hạn', 'sha256:households-2', 'mdp-2022', 'Nguyễn Thị Lan'],
        [2, 'Xuân Hoà', 'Danh sách đối tượng hỗ trợ', 1, DEC(9, 17), 'Đúng hạn', 'sha256:beneficiaries-1', 'mdp-2022', 'Nguyễn Thị Lan'],
        [3, 'Xuân Hoà', 'Báo cáo tiến độ', 1, DEC(9, 17), 'Đúng hạn', 'sha256:progress-1', 'mdp-2022', 'Nguyễn Thị Lan'],
        [4, 'Xuân Lai', 'Danh sách hộ', 1, DEC(12, 9), 'Muộn', 'sha256:households-1', 'mdp-2022', 'Lê Văn Tùng'],
        [5, 'Xuân Lai', 'Danh sách đối tượng hỗ trợ', 1, DEC(12, 9), 'Muộn', 'sha256:beneficiaries-1', 'mdp-2022', 'Lê Văn Tùng'],
        [6, 'Xuân Lai', 'Báo cáo tiến độ', 3, DEC(10, 23, 30), 'Đúng hạn', 'sha256:progress-3', 'mdp-2022', 'Lê Văn Tùng'],
        [7, 'Thọ Lập', 'Danh sách hộ', 1, DEC(1, 8), 'Đúng hạn', 'sha256:households-1', 'mdp-2022', '=Phạm Văn Hùng'],
        [8, 'Thọ Lập', 'Danh sách đối tượng hỗ trợ', 1, DEC(1, 8), 'Đúng hạn', 'sha256:beneficiaries-1', 'mdp-2022', '=Phạm Văn Hùng'],
      ]),
    );
    expect(book.sheet('Nguồn').E4?.w).toBe('08/12/2024 10:00');
  });
});

describe('district workbook: text safety', () => {
  it('writes text beginning with = + - @ as text, never as a formula', () => {
    const hh = book.sheet('Hộ');
    expect(hh.E5?.v).toBe(FORMULA_TEXT);
    expect(hh.E5?.t).toBe('s');
    expect(hh.E5?.f).toBeUndefined();
    const ben = book.rows('Đối tượng hỗ trợ');
    expect(ben[4]?.[5]).toBe('+84 912 345 678');
    expect(ben[5]?.[5]).toBe('@Trần Thị Ba');
    expect(ben[5]?.[13]).toBe('-Tập huấn');
    for (const name of book.workbook.SheetNames) {
      for (const [ref, cell] of Object.entries(book.sheet(name))) {
        if (!ref.startsWith('!')) expect((cell as { f?: string }).f, `${name}!${ref}`).toBeUndefined();
      }
    }
    // The raw parts: no formula element anywhere, and the text sits in an inline string.
    for (const [part, xml] of Object.entries(book.parts)) expect(xml, part).not.toMatch(/<f[\s>/]/);
    expect(book.sheetXml('Hộ')).toContain(`<c r="E5" s="4" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c>`);
    expect(book.parts['xl/sharedStrings.xml']).toBeUndefined();
  });

  it('escapes markup, keeps a literal "_x0041_", drops characters XML 1.0 forbids', () => {
    expect(book.rows('Đối tượng hỗ trợ')[4]?.[13]).toBe(TRICKY_TEXT_READ);
    expect(book.sheetXml('Đối tượng hỗ trợ')).toContain('Bò &lt;giống&gt; &amp; &quot;vốn&quot; _x005F_x0041_ xong');
  });
});

describe('district workbook: print and layout', () => {
  it('freezes the header, filters it, sets A4 landscape fit to width and print titles', () => {
    const xml = book.sheetXml('Tổng hợp');
    expect(xml).toContain('<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<autoFilter ref="A4:Y7"/>');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(book.sheetXml('Đối tượng hỗ trợ')).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(book.sheetXml('Hộ')).toContain('<autoFilter ref="A4:AO40"/>');
    const names = book.workbook.Workbook?.Names ?? [];
    expect(names).toContainEqual(expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'Tổng hợp'!$3:$4" }));
    expect(names).toContainEqual(expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 6, Ref: "'Đối tượng hỗ trợ'!$3:$3" }));
    expect(names).toContainEqual(expect.objectContaining({ Name: '_xlnm._FilterDatabase', Sheet: 5, Ref: "'Hộ'!$A$4:$AO$40" }));
    // A narrow table's title is centred over it; a wide one's stays at the left, unmerged. Group headers span their columns.
    expect(book.sheet('Nguồn')['!merges']).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } });
    expect(book.sheet('Hộ')['!merges']?.some((m) => m.s.r === 0)).toBe(false);
    expect(book.sheet('Tổng hợp')['!merges']).toContainEqual({ s: { r: 2, c: 4 }, e: { r: 2, c: 5 } });
    expect(book.sheet('Tổng hợp')['!merges']).toContainEqual({ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } });
  });

  it('formats đồng as #,##0, rates as 0.0%, times as dd/mm/yyyy hh:mm', () => {
    const ws = book.sheet('Tổng hợp');
    expect(ws.Q5?.z).toBe('#,##0');
    expect(ws.Q5?.w).toBe('152,000,000');
    expect(ws.H5?.z).toBe('0.0%');
    expect(ws.H5?.w).toBe('1.0%');
    expect(ws.U5?.z).toBe('dd/mm/yyyy hh:mm');
    expect(ws.U5?.w).toBe('08/12/2024 10:00');
    expect(book.sheet('Đối tượng hỗ trợ').O4?.w).toBe('10/05/2024');
  });

  it('sizes columns to their content, within a cap', () => {
    const cols = book.sheet('Hộ')['!cols'] ?? [];
    const width = (i: number): number => cols[i]?.width ?? 0;
    // "Xã": the longest commune name (8) + 2; the ID column: 12 digits + 2; the long header wraps, capped at 50.
    expect(width(0)).toBeGreaterThanOrEqual(10);
    expect(width(7)).toBeGreaterThanOrEqual(14);
    for (let i = 0; i < cols.length; i++) expect(width(i)).toBeLessThanOrEqual(50);
    expect(width(4)).toBeGreaterThan(width(2));
  });
});

describe('download name', () => {
  it('gives an ASCII file name and the Vietnamese one in filename* (RFC 5987)', () => {
    expect(workbookFileName('Thọ Xuân', '2024-Y')).toBe('Tong-hop-GNBV-Tho-Xuan-2024-Y.xlsx');
    expect(workbookFileName('Đông Sơn / "Thanh Hoá"', '2025-Q3')).toBe('Tong-hop-GNBV-Dong-Son-Thanh-Hoa-2025-Q3.xlsx');
    expect(workbookDisplayName('Thọ Xuân', '2024-Y')).toBe('Tổng hợp GNBV - Thọ Xuân - 2024-Y.xlsx');
    const header = contentDisposition('Thọ Xuân', '2024-Y');
    expect(header).toBe(
      `attachment; filename="Tong-hop-GNBV-Tho-Xuan-2024-Y.xlsx"; filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20GNBV%20-%20Th%E1%BB%8D%20Xu%C3%A2n%20-%202024-Y.xlsx`,
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('Tổng hợp GNBV - Thọ Xuân - 2024-Y.xlsx');
    expect(contentDisposition("Hà (Nội)'s", '2024-Y')).toContain("filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20GNBV%20-%20H%C3%A0%20%28N%E1%BB%99i%29%27s%20-%202024-Y.xlsx");
  });
});
