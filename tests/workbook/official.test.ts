import { beforeAll, describe, expect, it } from 'vitest';
import { SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import { contentDisposition, workbookDisplayName, workbookFileName, writeDistrictWorkbook } from '../../worker/workbook/index.ts';
import { COMMUNES, FORMULA_TEXT, fixtureSource, HOUSEHOLDS_A, HOUSEHOLDS_B, HOUSEHOLDS_C } from './fixture.ts';
import { collect, type ReadBack, readBack, type Row, rounded } from './read-back.ts';

/**
 * The merged workbook in the official review forms' layout (layout=official), from the same
 * hand-made fixture as workbook.test.ts, read back with SheetJS; the figures against hand-worked
 * ones and against the default layout's own sheets.
 */

const TOTAL = 'Tổng cộng';
const SUMMARY = 'Tổng hợp KQ rà soát';
const POOR_LIST = 'DS hộ nghèo, cận nghèo';
const ESCAPED_LIST = 'DS hộ thoát nghèo';
const POOR_DEPRIVATIONS = 'Thiếu hụt hộ nghèo';
const NEAR_DEPRIVATIONS = 'Thiếu hụt hộ cận nghèo';
const OFFICIAL_SHEETS = [SUMMARY, POOR_LIST, ESCAPED_LIST, POOR_DEPRIVATIONS, NEAR_DEPRIVATIONS];
const SUBTITLE = 'Năm 2024 (kỳ báo cáo 2024-Y). Lập lúc 20/12/2024 08:30 (giờ Việt Nam), từ bản báo cáo được chấp nhận mới nhất của mỗi xã.';

let book: ReadBack;
let gnbv: ReadBack;

beforeAll(async () => {
  book = readBack(await collect(writeDistrictWorkbook(fixtureSource(), 'official')));
  gnbv = readBack(await collect(writeDistrictWorkbook(fixtureSource())));
});

/** Rows from `first` (Excel row) on, `count` of them. */
function rowsAt(b: ReadBack, sheet: string, first: number, count: number): Row[] {
  return rounded(b.rows(sheet).slice(first - 1, first - 1 + count));
}

/** A merged range as SheetJS gives it, from A1 notation. */
function range(a1: string): { s: { r: number; c: number }; e: { r: number; c: number } } {
  const at = (ref: string): { r: number; c: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    const c = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r: Number(m[2]) - 1, c };
  };
  const [from, to] = a1.split(':') as [string, string];
  return { s: at(from), e: at(to) };
}

describe('official layout: structure', () => {
  it('has the review forms, then GNBV’s checks and sources', () => {
    expect(book.workbook.SheetNames).toEqual([SUMMARY, POOR_LIST, ESCAPED_LIST, POOR_DEPRIVATIONS, NEAR_DEPRIVATIONS, 'Kiểm tra', 'Nguồn']);
  });

  it('opens every form with the committee of the unit and the national motto, then the form’s title (A4) and the period', () => {
    const titles: Record<string, string> = {
      [SUMMARY]: 'TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
      [POOR_LIST]: 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT',
      [ESCAPED_LIST]: 'DANH SÁCH HỘ THOÁT NGHÈO SAU KHI RÀ SOÁT',
      [POOR_DEPRIVATIONS]: 'PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO',
      [NEAR_DEPRIVATIONS]: 'PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO',
    };
    for (const name of OFFICIAL_SHEETS) {
      const ws = book.sheet(name);
      const rows = book.rows(name);
      expect([ws.A1?.v, ws.A2?.v], name).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN THỌ XUÂN']);
      const right = rows[0]?.findIndex((v) => v === 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM') ?? -1;
      expect(right, name).toBeGreaterThan(0);
      expect(rows[1]?.[right], name).toBe('Độc lập - Tự do - Hạnh phúc');
      expect(rows[2]?.every((v) => v === null), name).toBe(true);
      expect(ws.A4?.v, name).toBe(titles[name]);
      expect(String(ws.A5?.v), name).toMatch(new RegExp(`^${SUBTITLE.replace(/[().]/g, '\\$&')}`));
      // The heading's two sides, each merged over its columns, both lines.
      const last = (rows[5]?.length ?? 0) - 1;
      const merges = ws['!merges'] ?? [];
      for (const r of [0, 1]) {
        expect(merges, name).toContainEqual({ s: { r, c: 0 }, e: { r, c: expect.any(Number) } });
        expect(merges, name).toContainEqual({ s: { r, c: right }, e: { r, c: last } });
      }
    }
    // Kiểm tra and Nguồn stay GNBV's.
    expect(book.rows('Nguồn')[0]?.[0]).toBe('NGUỒN SỐ LIỆU — HUYỆN THỌ XUÂN — NĂM 2024 (2024-Y)');
  });

  it('signs every form: the preparer on the left, the people’s committee on the right', () => {
    for (const name of OFFICIAL_SHEETS) {
      const rows = book.rows(name);
      const at = rows.findIndex((r) => r.includes('NGƯỜI LẬP BIỂU'));
      expect(at, name).toBeGreaterThan(7);
      expect(rows[at]?.filter((v) => v !== null), name).toEqual(['NGƯỜI LẬP BIỂU', 'TM. ỦY BAN NHÂN DÂN']);
      expect(rows[at - 1]?.filter((v) => v !== null), name).toEqual(['………, ngày … tháng … năm ……']);
      expect(rows[at + 1]?.filter((v) => v !== null), name).toEqual(['(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']);
    }
  });
});

describe('official layout: Tổng hợp kết quả rà soát', () => {
  it('has the grouped header, the numbering row with its formulas, a row per commune and the totals', () => {
    expect(rowsAt(book, SUMMARY, 6, 3)).toEqual([
      ['STT', 'Xã', 'Tổng số hộ dân cư', 'Hộ nghèo', null, 'Hộ cận nghèo', null, 'Hộ mới thoát nghèo', null],
      [null, null, 'Số hộ', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['A', 'B', '1', '2', '3=2/1*100', '4', '5=4/1*100', '6', '7=6/1*100'],
    ]);
    const merges = book.sheet(SUMMARY)['!merges'] ?? [];
    for (const m of ['A6:A7', 'B6:B7', 'D6:E6', 'F6:G6', 'H6:I6', 'A4:I4', 'A5:I5']) expect(merges, m).toContainEqual(range(m));
    // The same counts as the default layout's Tổng hợp (Xuân Hoà 5, 4, 3 of 400 …); rates in per cent.
    expect(rowsAt(book, SUMMARY, 9, 4)).toEqual(
      rounded([
        [1, 'Xuân Hoà', 400, 5, 1.25, 4, 1, 3, 0.75],
        [2, 'Xuân Lai', 500, 4, 0.8, 5, 1, 3, 0.6],
        [3, 'Thọ Lập', 250, 4, 1.6, 5, 2, 3, 1.2],
        [null, TOTAL, 1150, 13, (13 / 1150) * 100, 14, (14 / 1150) * 100, 9, (9 / 1150) * 100],
      ]),
    );
    const theirs = rowsAt(gnbv, 'Tổng hợp', 5, 4).map((r) => [r[1], r[3], r[4], r[6], r[8]]);
    const ours = rowsAt(book, SUMMARY, 9, 4).map((r) => [r[1], r[2], r[3], r[5], r[7]]);
    expect(ours).toEqual(theirs);
    expect(book.sheet(SUMMARY).E9?.z).toBe('0.00');
    expect(book.sheet(SUMMARY).E9?.w).toBe('1.25');
    // Under the table: what the form asks for that GNBV has no figures for.
    expect(book.rows(SUMMARY)[13]?.[0]).toMatch(/mức sống trung bình.*nhân khẩu.*GNBV không có số liệu này/);
  });
});

describe('official layout: the household lists', () => {
  it('lists every poor and near-poor household once, commune after commune, under the forms’ headings and a numbering row', () => {
    const rows = book.rows(POOR_LIST);
    expect(rows[5]).toEqual([
      'STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Dân tộc', 'Xã', 'Thôn', 'Số nhân khẩu',
      'Phân loại hộ', 'Điểm B1', 'Điểm B2', 'Hộ DTTS', 'Hộ không có khả năng lao động', 'Hộ có thành viên là người có công', 'Nguyên nhân nghèo', 'Ghi chú',
    ]);
    expect(rows[6]).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const listed = (all: typeof HOUSEHOLDS_A, commune: string): string[] =>
      all.filter((h) => h.category === 'poor' || h.category === 'nearPoor').map((h) => `${commune}|${h.idNumber ?? ''}|${h.headName}`);
    const expected = [...listed(HOUSEHOLDS_A, 'Xuân Hoà'), ...listed(HOUSEHOLDS_B, 'Xuân Lai'), ...listed(HOUSEHOLDS_C, 'Thọ Lập')];
    const table = rows.slice(7, 7 + expected.length);
    expect(table.map((r) => `${r[7]}|${r[5] ?? ''}|${r[2]}`)).toEqual(expected);
    expect(table.map((r) => r[0])).toEqual(expected.map((_, i) => i + 1));
    expect(rows[7 + expected.length]?.every((v) => v === null)).toBe(true);
    // Xuân Hoà's second household: Mường (DTTS), no working capacity, reasons land and capital.
    expect(table[1]).toEqual([2, null, 'Lê Văn Hai', 1970, 'Nam', '038080000002', 'Mường', 'Xuân Hoà', 'Thôn 1', 4, 'Hộ nghèo', null, null, 'x', 'x', null, 'Thiếu đất sản xuất; Thiếu vốn', null]);
    // Trần Thị Ba: merit family; Kinh, so no DTTS mark.
    expect(table[2]?.slice(13, 17)).toEqual([null, null, 'x', 'Ốm đau, tai nạn']);
    // Xuân Lai's "thôn 05" is written as the plan spells it.
    expect(table.find((r) => r[2] === 'Ngô  Văn Long')?.slice(8, 11)).toEqual(['Thôn 5', 4, 'Hộ cận nghèo']);
    // Thọ Lập's list has no ethnicity: no DTTS mark either way.
    expect(table.filter((r) => r[7] === 'Thọ Lập').map((r) => [r[6], r[13]])).toEqual(Array(9).fill([null, null]));
    expect(book.sheet(POOR_LIST)['!merges']).not.toContainEqual(range('A6:A7'));
  });

  it('lists the newly escaped households on their own sheet, with the year out of poverty and no category column', () => {
    const rows = book.rows(ESCAPED_LIST);
    expect(rows[5]).toEqual(['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Dân tộc', 'Xã', 'Thôn', 'Số nhân khẩu', 'Năm thoát nghèo', 'Ghi chú']);
    expect(rows[6]).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.slice(7, 17)).toEqual([
      [1, null, 'Ngô Thị Chín', 1970, 'Nam', '038080000009', 'Kinh', 'Xuân Hoà', 'Thôn 5', 4, 2024, null],
      [2, null, 'Đinh Văn Mười', 1970, 'Nam', '038080000010', 'Kinh', 'Xuân Hoà', 'Thôn 5', 4, 2024, null],
      [3, null, 'Lý Văn Mười Một', 1970, 'Nam', '038080000011', 'Kinh', 'Xuân Hoà', 'Thôn 6', 4, 2023, null],
      [4, null, 'Trần Văn Bình', 1970, 'Nam', '038090000102', 'Kinh', 'Xuân Lai', 'Thôn 1', 4, 2024, null],
      [5, null, 'Bùi Văn Khánh', 1970, 'Nam', '038090000108', 'Kinh', 'Xuân Lai', 'Thôn 4', 4, 2022, null],
      [6, null, 'Đặng Văn Phúc', 1970, 'Nam', '038090000114', 'Kinh', 'Xuân Lai', 'Thôn 7', 4, 2024, null],
      [7, null, 'Quách Văn Bảo', 1970, 'Nam', '038080000108', null, 'Thọ Lập', 'Thôn 4', 4, 2024, null],
      [8, null, 'Tôn Thị Châu', 1970, 'Nam', '038080000109', null, 'Thọ Lập', 'Thôn 5', 4, 2023, null],
      [9, null, 'Yên Văn Kiên', 1970, 'Nam', '038080000112', null, 'Thọ Lập', 'Thôn 7', 4, 2024, null],
      Array(12).fill(null),
    ]);
  });

  it('holds, between the two lists, every household of a known category exactly once', () => {
    // The table: from row 8 to the first empty row.
    const count = (sheet: string): number => book.rows(sheet).slice(7).findIndex((r) => r.every((v) => v === null));
    const gnbvHouseholds = gnbv.rows('Hộ').slice(4).filter((r) => r[0] !== null).length;
    expect(count(POOR_LIST) + count(ESCAPED_LIST)).toBe(gnbvHouseholds);
  });
});

describe('official layout: the deprivation analyses (reports 4 and 6)', () => {
  it('count as GNBV’s Thiếu hụt sheet does, with the forms’ headers, numbering and total of deprivations', () => {
    const labels = [
      '1. Việc làm', '2. Người phụ thuộc', '3. Dinh dưỡng', '4. Bảo hiểm y tế', '5. Trình độ giáo dục của người lớn', '6. Tình trạng đi học của trẻ em',
      '7. Chất lượng nhà ở', '8. Diện tích nhà ở', '9. Nguồn nước sinh hoạt', '10. Nhà tiêu hợp vệ sinh', '11. Dịch vụ viễn thông', '12. Phương tiện tiếp cận thông tin',
    ];
    const theirs = gnbv.rows('Thiếu hụt').slice(4, 12);
    for (const [name, category, total] of [[POOR_DEPRIVATIONS, 'Hộ nghèo', 'Tổng số hộ nghèo'], [NEAR_DEPRIVATIONS, 'Hộ cận nghèo', 'Tổng số hộ cận nghèo']] as const) {
      expect(rowsAt(book, name, 6, 3), name).toEqual([
        ['STT', 'Xã', total, 'Tổng số thiếu hụt', 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản', ...Array(11).fill(null)],
        [null, null, null, null, ...labels],
        ['A', 'B', ...Array.from({ length: 14 }, (_, i) => String(i + 1))],
      ]);
      const merges = book.sheet(name)['!merges'] ?? [];
      for (const m of ['A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:P6']) expect(merges, `${name} ${m}`).toContainEqual(range(m));
      // GNBV's sheet: [stt, commune, category, households, withIndicators, (count, share) × 12].
      const mine = theirs.filter((r) => r[2] === category);
      const expected = mine.map((r) => {
        const counts = Array.from({ length: 12 }, (_, i) => r[5 + 2 * i] ?? null) as (number | null)[];
        const known = counts.filter((n): n is number => n !== null);
        return [r[0], r[1], r[3], known.length === 0 ? null : known.reduce((a, b) => a + b, 0), ...counts];
      });
      expect(rowsAt(book, name, 9, 4), name).toEqual(expected);
    }
    // By hand: Xuân Hoà's poor have 3 + 4 + 3 + 4 + 6 = 20 deprivations; Thọ Lập's list has no indicators.
    expect(book.rows(POOR_DEPRIVATIONS)[8]?.slice(0, 5)).toEqual([1, 'Xuân Hoà', 5, 20, 4]);
    expect(book.rows(POOR_DEPRIVATIONS)[10]?.slice(0, 5)).toEqual([3, 'Thọ Lập', 4, null, null]);
    expect(book.rows(POOR_DEPRIVATIONS)[11]?.slice(0, 4)).toEqual([null, TOTAL, 13, 33]);
  });
});

describe('official layout: checks, text safety, print', () => {
  it('Kiểm tra says in which list and row each household of a duplicate pair sits', () => {
    expect(book.rows('Kiểm tra')[2]?.[4]).toBe('Vị trí trong danh sách');
    expect(book.rows('Kiểm tra').slice(3, 5)).toEqual([
      // Xuân Hoà's first household is the first row of the list (row 8); Thọ Lập's first comes after 9 + 9 (row 26).
      [1, 'Trùng số CCCD giữa hai xã', 'Xuân Hoà', '038080000001', 'DS hộ nghèo, cận nghèo, dòng 8', 5, 'Thọ Lập', 'Hà Văn Sơn', 'DS hộ', 'DS hộ nghèo, cận nghèo, dòng 26', 7, null],
      [2, 'Chưa nộp báo cáo', 'Thọ Lập', null, null, null, null, null, null, null, null, 'Báo cáo tiến độ'],
    ]);
    expect(book.rows(POOR_LIST)[25]?.slice(0, 3)).toEqual([19, null, 'Hà Văn Sơn']);
  });

  it('points into the newly escaped list for a duplicate there', async () => {
    const base = fixtureSource();
    const lai = COMMUNES[1];
    const lap = COMMUNES[2];
    if (!lai || !lap) throw new Error('fixture');
    // Thọ Lập's newly escaped Quách Văn Bảo takes Xuân Lai's newly escaped Bùi Văn Khánh's ID.
    const households = (id: string) =>
      (async function* () {
        for await (const page of base.households(id)) {
          yield id === 'tho-lap' ? page.map((h) => (h.headName === 'Quách Văn Bảo' ? { ...h, idNumber: '038090000108' } : h)) : page;
        }
      })();
    const b = readBack(await collect(writeDistrictWorkbook({ ...base, communes: [lai, lap], households }, 'official')));
    const pair = b.rows('Kiểm tra').find((r) => r[3] === '038090000108');
    expect([pair?.[2], pair?.[4], pair?.[6], pair?.[9]]).toEqual(['Xuân Lai', 'DS hộ thoát nghèo, dòng 9', 'Thọ Lập', 'DS hộ thoát nghèo, dòng 11']);
    expect(b.rows(ESCAPED_LIST)[8]?.[2]).toBe('Bùi Văn Khánh');
    expect(b.rows(ESCAPED_LIST)[10]?.[2]).toBe('Quách Văn Bảo');
  });

  it('writes text beginning with = + - @ as text, never as a formula', () => {
    const cell = book.sheet(POOR_LIST).C8;
    expect([cell?.v, cell?.t, cell?.f]).toEqual([FORMULA_TEXT, 's', undefined]);
    for (const [part, xml] of Object.entries(book.parts)) expect(xml, part).not.toMatch(/<f[\s>/]/);
    // The numbering row's formulas are text too.
    expect(book.sheetXml(SUMMARY)).toContain('<c r="E8" s="26" t="inlineStr"><is><t>3=2/1*100</t></is></c>');
  });

  it('freezes the panes under the numbering row, prints A4 landscape with the headers on every page', () => {
    expect(book.sheetXml(SUMMARY)).toContain('<pane xSplit="2" ySplit="8" topLeftCell="C9" activePane="bottomRight" state="frozen"/>');
    expect(book.sheetXml(POOR_LIST)).toContain('<pane xSplit="3" ySplit="7" topLeftCell="D8" activePane="bottomRight" state="frozen"/>');
    expect(book.sheetXml(POOR_DEPRIVATIONS)).toContain('<pane xSplit="2" ySplit="8" topLeftCell="C9" activePane="bottomRight" state="frozen"/>');
    for (const name of OFFICIAL_SHEETS) {
      expect(book.sheetXml(name), name).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    }
    const names = book.workbook.Workbook?.Names ?? [];
    expect(names).toContainEqual(expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `'${SUMMARY}'!$6:$8` }));
    expect(names).toContainEqual(expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 1, Ref: `'${POOR_LIST}'!$6:$7` }));
    // Widths fit: the names, the ID numbers, and nothing over the cap.
    const cols = book.sheet(POOR_LIST)['!cols'] ?? [];
    expect(cols[2]?.width).toBeGreaterThanOrEqual(20);
    expect(cols[5]?.width).toBeGreaterThanOrEqual(14);
    for (const c of cols) expect(c.width ?? 0).toBeLessThanOrEqual(50);
  });
});

describe('official layout: download name', () => {
  it('says it is in the review forms’ layout', () => {
    expect(workbookDisplayName('Thọ Xuân', '2024-Y', 'official')).toBe('Tổng hợp GNBV theo mẫu biểu rà soát - Thọ Xuân - 2024-Y.xlsx');
    expect(workbookFileName('Thọ Xuân', '2024-Y', 'official')).toBe('Tong-hop-GNBV-theo-mau-bieu-ra-soat-Tho-Xuan-2024-Y.xlsx');
    expect(contentDisposition('Thọ Xuân', '2024-Y', 'official')).toMatch(/^attachment; filename="Tong-hop-GNBV-theo-mau-bieu-ra-soat-Tho-Xuan-2024-Y\.xlsx"; filename\*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20GNBV%20theo%20m%E1%BA%ABu/);
    expect(book.parts['docProps/core.xml']).toContain('<dc:title>Tổng hợp GNBV theo mẫu biểu rà soát - Thọ Xuân - 2024-Y</dc:title>');
  });
});

describe('the writer’s official frame (SheetXml heading and numbering)', () => {
  const columns = [
    { header: 'STT', kind: 'plain' as const },
    { header: 'Xã', kind: 'text' as const },
    { header: 'Số hộ', kind: 'count' as const },
  ];
  const heading = { left: ['ỦY BAN NHÂN DÂN', 'HUYỆN THỌ XUÂN'], right: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] };

  it('splits a table too narrow for both sides of the heading in half, and numbers the rows below it', () => {
    const sheet = new SheetXml({ name: 'x', title: 'T', subtitle: 'S', columns, heading, numbering: ['A', 'B', '1'] });
    expect([sheet.titleRow, sheet.firstHeaderRow, sheet.numberingRow, sheet.lastHeaderRow, sheet.rowNumber]).toEqual([4, 6, 7, 7, 8]);
    const xml = sheet.row([1, 'Xuân Hoà', 400]) + sheet.end();
    expect(xml).toContain('<row r="1"><c r="A1" s="25" t="inlineStr"><is><t>ỦY BAN NHÂN DÂN</t></is></c><c r="B1" s="25" t="inlineStr"><is><t>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</t></is></c></row>');
    expect(xml).toContain('<mergeCell ref="B1:C1"/><mergeCell ref="B2:C2"/>');
    expect(xml).not.toContain('<mergeCell ref="A1:');
    expect(xml).toContain('<row r="7"><c r="A7" s="26" t="inlineStr"><is><t>A</t></is></c><c r="B7" s="26" t="inlineStr"><is><t>B</t></is></c><c r="C7" s="26" t="inlineStr"><is><t>1</t></is></c></row><row r="8">');
    expect(sheet.printTitleRows).toBe('$6:$7');
  });

  it('refuses a numbering row that does not fit the columns, and a heading over one column', () => {
    expect(() => new SheetXml({ name: 'x', title: 'T', subtitle: 'S', columns, numbering: ['A', 'B'] })).toThrow('2 numbering cells for 3 columns');
    expect(() => new SheetXml({ name: 'x', title: 'T', subtitle: 'S', columns: columns.slice(0, 1), heading })).toThrow('a heading needs two columns or more');
  });
});
