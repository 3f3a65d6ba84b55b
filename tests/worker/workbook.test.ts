import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { SubmissionReceipt } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { clock } from '../../worker/clock.ts';
import { upsertPlan } from '../../worker/db/queries.ts';
import { NOW, TOKENS, call, expectError, seedFixture } from './helpers.ts';

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

beforeEach(async () => {
  await seedFixture();
  clock.now = () => new Date('2024-12-05T03:00:00Z');
});
afterEach(() => {
  clock.now = () => new Date();
});

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
