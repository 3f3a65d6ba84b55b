import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { SubmissionReceipt } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { insertCommune, insertRegion, insertToken, upsertPlan } from '../../worker/db/queries.ts';
import { readBack, type ReadBack, type Row } from '../workbook/read-back.ts';
import { NOW, TOKENS, call, expectError, onFixtureAt } from './helpers.ts';

const clean = inject('samples')['workbook-xuan-hoa-2024-clean']!;

async function submit(grids: readonly Grid[], token: string = TOKENS.commune): Promise<SubmissionReceipt> {
  const res = await call('POST', '/api/submissions', { token, json: { period: '2024-Y', sheets: grids.map((grid) => ({ grid })) } });
  expect(res.status).toBe(201);
  return SubmissionReceipt.parse(await res.json());
}

function rowsOf(book: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}: ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: false });
}

onFixtureAt('2024-12-05T03:00:00Z');

describe('GET /api/workbook', () => {
  it('streams the merged workbook of the district, with every submitted row once, and records the download', async () => {
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai' } }, NOW);
    await submit(clean.grids.filter((g) => g.name !== 'Tien do'));
    const latest = await submit(clean.grids); // version 2: the one the merge takes
    await submit(clean.grids.filter((g) => g.name === 'Tien do'), TOKENS.otherCommune);

    const res = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''");
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames.slice(0, 5)).toEqual(['Tổng hợp', 'Diễn biến', 'Thiếu hụt', 'Nhóm đối tượng', 'Dự án']);

    const sources = rowsOf(book, 'Nguồn').flat().map(String).join(' ');
    expect(sources).toContain(latest.checksum);
    const kindSheets = book.SheetNames.slice(5);
    const rowCount = (name: string): number => rowsOf(book, name).filter((r) => r[0] === 'Xuân Hoà').length;
    const households = kindSheets.find((n) => /hộ/i.test(n) && !/đối tượng/i.test(n))!;
    const beneficiaries = kindSheets.find((n) => /đối tượng/i.test(n))!;
    const progress = kindSheets.find((n) => /tiến độ/i.test(n))!;
    expect([rowCount(households), rowCount(beneficiaries), rowCount(progress)]).toEqual([
      latest.rowCounts.households,
      latest.rowCounts.beneficiaries,
      latest.rowCounts.progress,
    ]);
    expect(rowsOf(book, progress).filter((r) => r[0] === 'Xuân Lai')).toHaveLength(9);

    const { results } = await env.DB.prepare('SELECT downloaded_by, region_id, period FROM workbook_downloads').all();
    expect(results).toEqual([{ downloaded_by: 'Người thử tok-district', region_id: 'tho-xuan', period: '2024-Y' }]);
  });

  it('takes each sub-project from the newest version that has it', async () => {
    const beneficiaryLists = clean.grids.filter((g) => g.name !== 'Tien do' && g.name !== 'Ho ngheo');
    const households = clean.grids.filter((g) => g.name === 'Ho ngheo');
    await submit([...households, ...beneficiaryLists]); // v1: DA2, DA3.1, DA3.2, DA4.1
    await submit([...households, ...beneficiaryLists.filter((g) => g.name === 'DA3.2 dinh duong')]); // v2: DA3.2 only
    const res = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const name = book.SheetNames.slice(5).find((n) => /đối tượng/i.test(n))!;
    expect(rowsOf(book, name).filter((r) => r[0] === 'Xuân Hoà')).toHaveLength(36);
  });

  it('is for district tokens only and needs a period', async () => {
    await expectError(await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.commune }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.admin }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/workbook', { token: TOKENS.district }), 400, 'INVALID_REQUEST');
  });
});

describe('GET /api/workbook?layout=official', () => {
  const OFFICIAL_SHEETS = ['Tổng hợp KQ rà soát', 'DS hộ nghèo, cận nghèo', 'DS hộ thoát nghèo', 'Thiếu hụt hộ nghèo', 'Thiếu hụt hộ cận nghèo'];

  async function download(query: string, token: string = TOKENS.district): Promise<{ res: Response; book: ReadBack }> {
    const res = await call('GET', `/api/workbook?${query}`, { token });
    expect(res.status).toBe(200);
    return { res, book: readBack(new Uint8Array(await res.arrayBuffer())) };
  }

  /** A commune of another district, with the same plan and a submitted list: never in Thọ Xuân's workbook. */
  async function otherDistrict(): Promise<void> {
    await insertRegion(env.DB, { id: 'dong-son', name: 'Đông Sơn', level: 'district', province: 'Thanh Hoá' }, NOW);
    await insertCommune(env.DB, { id: 'dong-tien', name: 'Đông Tiến', code: 'DT', regionId: 'dong-son' }, NOW);
    await upsertPlan(env.DB, 'dong-tien', 2024, { ...XUAN_HOA_2024, id: 'dong-tien-2024', commune: { ...XUAN_HOA_2024.commune, id: 'dong-tien', name: 'Đông Tiến' } }, NOW);
    const token = 'fixture-commune-dong-tien';
    await insertToken(env.DB, {
      info: { id: 'tok-dong-tien', label: 'Người thử Đông Tiến', role: 'commune', communeId: 'dong-tien', regionId: null, demo: false, createdAt: NOW, revokedAt: null },
      tokenHash: await sha256Hex(token),
    });
    await submit(clean.grids, token);
  }

  it('streams the review forms of the district’s communes, with the default layout’s figures, and records the download', async () => {
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai' } }, NOW);
    const receipt = await submit(clean.grids);
    await submit(clean.grids.filter((g) => g.name === 'Tien do'), TOKENS.otherCommune);
    await otherDistrict();

    const { res, book } = await download('period=2024-Y&layout=official');
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toContain('filename="Tong-hop-GNBV-theo-mau-bieu-ra-soat-Tho-Xuan-2024-Y.xlsx"');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(book.workbook.SheetNames).toEqual([...OFFICIAL_SHEETS, 'Kiểm tra', 'Nguồn']);

    // The forms' frame: heading, title in A4, the period, the header and numbering rows, the merges.
    for (const name of OFFICIAL_SHEETS) {
      const ws = book.sheet(name);
      expect([ws.A1?.v, ws.A2?.v], name).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN THỌ XUÂN']);
      expect(String(ws.A5?.v), name).toMatch(/^Năm 2024 \(kỳ báo cáo 2024-Y\)\. /);
    }
    const summary = book.rows('Tổng hợp KQ rà soát');
    expect(summary[3]?.[0]).toBe('TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO');
    expect(summary.slice(5, 8)).toEqual([
      ['STT', 'Xã', 'Tổng số hộ dân cư', 'Hộ nghèo', null, 'Hộ cận nghèo', null, 'Hộ mới thoát nghèo', null],
      [null, null, 'Số hộ', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['A', 'B', '1', '2', '3=2/1*100', '4', '5=4/1*100', '6', '7=6/1*100'],
    ]);
    expect(book.sheet('Tổng hợp KQ rà soát')['!merges']).toContainEqual({ s: { r: 5, c: 3 }, e: { r: 5, c: 4 } });
    expect(book.rows('DS hộ nghèo, cận nghèo')[6]).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(book.rows('Thiếu hụt hộ nghèo')[7]).toEqual(['A', 'B', ...Array.from({ length: 14 }, (_, i) => String(i + 1))]);

    // The same figures as the default layout's Tổng hợp and Thiếu hụt, from the same data.
    const gnbv = (await download('period=2024-Y')).book;
    const communeRows = (rows: Row[]): Row[] => rows.filter((r) => r[1] === 'Xuân Hoà' || r[1] === 'Xuân Lai' || r[1] === 'Tổng cộng');
    const theirs = communeRows(gnbv.rows('Tổng hợp')).map((r) => [r[1], r[3], r[4], r[6], r[8]]);
    expect(communeRows(summary).map((r) => [r[1], r[2], r[3], r[5], r[7]])).toEqual(theirs);
    const deprivations = communeRows(gnbv.rows('Thiếu hụt'));
    for (const [name, category] of [['Thiếu hụt hộ nghèo', 'Hộ nghèo'], ['Thiếu hụt hộ cận nghèo', 'Hộ cận nghèo']] as const) {
      const mine = communeRows(book.rows(name)).map((r) => [r[1], r[2], ...r.slice(4, 16)]);
      const expected = deprivations.filter((r) => r[2] === category).map((r) => [r[1], r[3], ...Array.from({ length: 12 }, (_, i) => r[5 + 2 * i] ?? null)]);
      expect(mine, name).toEqual(expected);
    }
    // Xuân Hoà's list, split between the two lists as its categories say.
    const listed = (name: string): number => book.rows(name).filter((r) => r[7] === 'Xuân Hoà').length;
    const categories = gnbv.rows('Hộ').filter((r) => r[0] === 'Xuân Hoà').map((r) => r[12]);
    expect(listed('DS hộ nghèo, cận nghèo')).toBe(categories.filter((c) => c === 'Hộ nghèo' || c === 'Hộ cận nghèo').length);
    expect(listed('DS hộ thoát nghèo')).toBe(categories.filter((c) => c === 'Hộ mới thoát nghèo').length);
    expect(listed('DS hộ nghèo, cận nghèo') + listed('DS hộ thoát nghèo')).toBe(receipt.rowCounts.households);
    expect(rowsOf(book.workbook, 'Nguồn').flat().map(String).join(' ')).toContain(receipt.checksum);

    // Another district's commune is nowhere; no cell is a formula.
    for (const name of book.workbook.SheetNames) {
      expect(JSON.stringify(book.rows(name)), name).not.toContain('Đông Tiến');
      for (const [ref, cell] of Object.entries(book.sheet(name))) {
        if (!ref.startsWith('!')) expect((cell as { f?: string }).f, `${name}!${ref}`).toBeUndefined();
      }
    }
    for (const [part, xml] of Object.entries(book.parts)) expect(xml, part).not.toMatch(/<f[\s>/]/);

    const { results } = await env.DB.prepare('SELECT downloaded_by, region_id, period FROM workbook_downloads ORDER BY rowid').all();
    expect(results).toEqual([
      { downloaded_by: 'Người thử tok-district', region_id: 'tho-xuan', period: '2024-Y' },
      { downloaded_by: 'Người thử tok-district', region_id: 'tho-xuan', period: '2024-Y' },
    ]);
  });

  it('writes a name beginning with = as text in the household list', async () => {
    const households = clean.grids.find((g) => g.name === 'Ho ngheo');
    if (!households) throw new Error('sample');
    // A head of household whose name begins with "=": the engine takes the list, the writer keeps the name as text.
    const at = households.rows.findIndex((r) => r.some((v) => v === 'Trịnh Đình Dũng'));
    const col = households.rows[at]?.indexOf('Trịnh Đình Dũng') ?? -1;
    const rows = households.rows.map((r, i) => (i === at ? r.map((v, j) => (j === col ? '=Trịnh Đình Dũng' : v)) : r));
    const res = await call('POST', '/api/submissions', { token: TOKENS.commune, json: { period: '2024-Y', sheets: [{ grid: { ...households, rows } }] } });
    expect(res.status).toBe(201);
    const { book } = await download('period=2024-Y&layout=official');
    const list = book.sheet('DS hộ nghèo, cận nghèo');
    const cell = Object.entries(list).find(([ref, c]) => !ref.startsWith('!') && (c as { v?: unknown }).v === '=Trịnh Đình Dũng')?.[1] as { t?: string; f?: string } | undefined;
    expect([cell?.t, cell?.f]).toEqual(['s', undefined]);
  });

  it('is for district tokens only, and refuses a layout it does not know with the Vietnamese envelope', async () => {
    await expectError(await call('GET', '/api/workbook?period=2024-Y&layout=official', { token: TOKENS.commune }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/workbook?period=2024-Y&layout=official', { token: TOKENS.admin }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/workbook?period=2024-Y&layout=official'), 401, 'UNAUTHORIZED');
    const error = await expectError(await call('GET', '/api/workbook?period=2024-Y&layout=mau-cu', { token: TOKENS.district }), 400, 'INVALID_REQUEST');
    expect(error.message).toBe('Dữ liệu không hợp lệ ở "layout" (invalid request: "layout")');
    expect(error.issues).toEqual([{ path: ['layout'], code: 'invalid_value', message: 'Tùy chọn không hợp lệ: mong đợi một trong các giá trị "gnbv"|"official"' }]);
    const { results } = await env.DB.prepare('SELECT COUNT(*) AS n FROM workbook_downloads').all();
    expect(results).toEqual([{ n: 0 }]);
  });
});
