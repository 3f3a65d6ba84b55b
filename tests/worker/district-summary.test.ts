import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { DistrictSummaryResponse, SubmissionReceipt } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { DeprivationFigures, ProjectFigures, SummaryFigures } from '../../shared/report/figures.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { insertCommune, insertRegion, insertToken, upsertPlan } from '../../worker/db/queries.ts';
import { NOW, TOKENS, call, expectError, onFixtureAt } from './helpers.ts';

const samples = inject('samples');
const clean = samples['workbook-xuan-hoa-2024-clean']!;
const classic = samples['households-classic-clean']!;

async function submit(grids: readonly Grid[], token: string = TOKENS.commune): Promise<SubmissionReceipt> {
  const res = await call('POST', '/api/submissions', { token, json: { period: '2024-Y', sheets: grids.map((grid) => ({ grid })) } });
  expect(res.status).toBe(201);
  return SubmissionReceipt.parse(await res.json());
}

async function summaryOf(token: string, period = '2024-Y'): Promise<{ body: DistrictSummaryResponse; text: string }> {
  const res = await call('GET', `/api/district/summary?period=${period}`, { token });
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  const text = await res.text();
  return { body: DistrictSummaryResponse.parse(JSON.parse(text)), text };
}

async function downloadCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM workbook_downloads').first<{ n: number }>();
  return row?.n ?? -1;
}

// ---- reading the workbook's analysis sheets back, by their headers ---------------------------

type Value = string | number | boolean | null;

interface SheetTable {
  /** "Group › Header" (or "Header") → column. */
  columns: Map<string, number>;
  /** Rows under the header whose STT is a number (the communes' rows). */
  data: Value[][];
  /** The "Tổng cộng" rows. */
  totals: Value[][];
}

function sheetTable(book: XLSX.WorkBook, name: string): SheetTable {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}: ${book.SheetNames.join(', ')}`);
  const rows = XLSX.utils.sheet_to_json<Value[]>(sheet, { header: 1, defval: null, blankrows: true });
  const head = rows.findIndex((r) => r[0] === 'STT');
  const upper = rows[head] ?? [];
  const lower = rows[head + 1] ?? [];
  const columns = new Map<string, number>();
  let group: string | null = null;
  for (let i = 0; i < upper.length; i++) {
    const top = upper[i];
    const leaf = lower[i];
    if (typeof leaf === 'string' && leaf !== '') {
      if (typeof top === 'string' && top !== '') group = top;
      columns.set(group === null ? leaf : `${group} › ${leaf}`, i);
    } else if (typeof top === 'string' && top !== '') {
      columns.set(top, i);
      group = null;
    }
  }
  const below = rows.slice(head + 2);
  return {
    columns,
    data: below.filter((r) => typeof r[0] === 'number'),
    totals: below.filter((r) => r[1] === 'Tổng cộng'),
  };
}

function cellOf(t: SheetTable, row: readonly Value[], header: string): Value {
  const i = t.columns.get(header);
  if (i === undefined) throw new Error(`no column "${header}" among ${[...t.columns.keys()].join(' | ')}`);
  return row[i] ?? null;
}

/** Tổng hợp's columns for each figure (the sheet has no column for `listed`). */
const SUMMARY_HEADERS: Readonly<Record<Exclude<keyof SummaryFigures, 'listed'>, string>> = {
  totalHouseholds: 'Tổng số hộ',
  poor: 'Hộ nghèo › Số hộ',
  poorRate: 'Hộ nghèo › Tỷ lệ',
  nearPoor: 'Hộ cận nghèo › Số hộ',
  nearPoorRate: 'Hộ cận nghèo › Tỷ lệ',
  newlyEscaped: 'Hộ mới thoát nghèo › Số hộ',
  newlyEscapedRate: 'Hộ mới thoát nghèo › Tỷ lệ',
  poorAtStart: 'Giảm hộ nghèo › Đầu năm',
  poorTarget: 'Giảm hộ nghèo › Chỉ tiêu giảm',
  poorReduced: 'Giảm hộ nghèo › Kết quả giảm',
  nearPoorAtStart: 'Giảm hộ cận nghèo › Đầu năm',
  nearPoorTarget: 'Giảm hộ cận nghèo › Chỉ tiêu giảm',
  nearPoorReduced: 'Giảm hộ cận nghèo › Kết quả giảm',
  allocated: 'Kinh phí (đồng) › Được phân bổ',
  disbursed: 'Kinh phí (đồng) › Đã giải ngân',
  disbursedRate: 'Kinh phí (đồng) › Tỷ lệ giải ngân',
};

function summaryRow(t: SheetTable, row: readonly Value[]): Record<string, Value> {
  return Object.fromEntries(Object.entries(SUMMARY_HEADERS).map(([key, header]) => [key, cellOf(t, row, header)]));
}

function withoutListed({ listed: _listed, ...rest }: SummaryFigures): Record<string, Value> {
  return rest;
}

const CATEGORY_LABELS = { poor: 'Hộ nghèo', nearPoor: 'Hộ cận nghèo' } as const;

function deprivationRow(t: SheetTable, row: readonly Value[]): DeprivationFigures {
  const group = (i: number): string => `${INDICATORS[i]?.id}. ${INDICATORS[i]?.name}`;
  const label = cellOf(t, row, 'Nhóm hộ');
  return {
    category: label === CATEGORY_LABELS.poor ? 'poor' : 'nearPoor',
    households: cellOf(t, row, 'Số hộ') as number | null,
    withIndicators: cellOf(t, row, 'Số hộ có số liệu chỉ số') as number | null,
    deprived: INDICATORS.map((_, i) => cellOf(t, row, `${group(i)} › Số hộ`) as number | null),
    shares: INDICATORS.map((_, i) => cellOf(t, row, `${group(i)} › Tỷ lệ`) as number | null),
  };
}

/** Dự án's row as figures; the name column shows a placeholder for unresolved rows and a label on the last totals row. */
function projectRow(t: SheetTable, row: readonly Value[]): Omit<ProjectFigures, 'name'> {
  const n = (header: string): number | null => cellOf(t, row, header) as number | null;
  const s = (header: string): string | null => cellOf(t, row, header) as string | null;
  return {
    code: s('Mã dự án'),
    lead: s('Cơ quan chủ trì'),
    listed: n('Số người trong danh sách hỗ trợ') ?? 0,
    reported: n('Số đối tượng thụ hưởng (báo cáo tiến độ)'),
    allocated: n('Kinh phí được phân bổ (đồng) › Tổng'),
    allocatedCentral: n('Kinh phí được phân bổ (đồng) › NSTW'),
    allocatedLocal: n('Kinh phí được phân bổ (đồng) › NSĐP'),
    allocatedMobilised: n('Kinh phí được phân bổ (đồng) › Huy động'),
    disbursed: n('Đã giải ngân (đồng)'),
    disbursedRate: n('Tỷ lệ giải ngân'),
    status: s('Tình hình thực hiện'),
  };
}

function withoutName({ name: _name, ...rest }: ProjectFigures): Omit<ProjectFigures, 'name'> {
  return rest;
}

// ---- a second district ------------------------------------------------------------------------

const NHU_THANH = { district: 'fixture-district-nhu-thanh', commune: 'fixture-commune-xuan-du' } as const;

/** Như Thanh with Xuân Du (a 2024 plan), a district token and a commune token. */
async function seedOtherDistrict(): Promise<void> {
  await insertRegion(env.DB, { id: 'nhu-thanh', name: 'Như Thanh', level: 'district', province: 'Thanh Hoá' }, NOW);
  await insertCommune(env.DB, { id: 'xuan-du', name: 'Xuân Du', code: 'XD', regionId: 'nhu-thanh' }, NOW);
  await upsertPlan(env.DB, 'xuan-du', 2024, { ...XUAN_HOA_2024, id: 'xuan-du-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-du', name: 'Xuân Du', code: 'XD' } }, NOW);
  const token = async (id: string, plain: string, role: 'district' | 'commune', scope: { regionId: string | null; communeId: string | null }): Promise<void> =>
    insertToken(env.DB, {
      info: { id, label: `Người thử ${id}`, role, ...scope, demo: false, createdAt: NOW, revokedAt: null },
      tokenHash: await sha256Hex(plain),
    });
  await token('tok-district-nhu-thanh', NHU_THANH.district, 'district', { regionId: 'nhu-thanh', communeId: null });
  await token('tok-commune-xuan-du', NHU_THANH.commune, 'commune', { regionId: null, communeId: 'xuan-du' });
}

onFixtureAt('2024-12-05T03:00:00Z');

describe('GET /api/district/summary', () => {
  it('answers the figures of the workbook’s Tổng hợp, Thiếu hụt and Dự án sheets for the same data, and records no download', async () => {
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai', code: 'XL' } }, NOW);
    await submit(clean.grids.filter((g) => g.name !== 'Tien do'));
    await submit(clean.grids); // version 2: the one both take
    await submit(clean.grids.filter((g) => g.name === 'Tien do'), TOKENS.otherCommune);

    const { body } = await summaryOf(TOKENS.district);
    expect(await downloadCount()).toBe(0);
    expect({ period: body.period, region: body.region, generatedAt: body.generatedAt }).toEqual({
      period: '2024-Y',
      region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' },
      generatedAt: '2024-12-05T03:00:00.000Z',
    });
    expect(body.communes.map((c) => [c.id, c.name, c.code])).toEqual([
      ['xuan-hoa', 'Xuân Hoà', XUAN_HOA_2024.commune.code],
      ['xuan-lai', 'Xuân Lai', 'XL'],
    ]);
    // Not an empty answer: Xuân Hoà's list and both progress reports are in it.
    const hoa = body.communes[0]!;
    expect(hoa.summary.poor).toBeGreaterThan(0);
    expect(hoa.summary.listed).toBeGreaterThan(0);
    expect(body.totals.summary.allocated).toBeGreaterThan(hoa.summary.allocated ?? 0);

    const res = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(await downloadCount()).toBe(1);

    const summary = sheetTable(book, 'Tổng hợp');
    expect(summary.data.map((r) => [cellOf(summary, r, 'Xã'), cellOf(summary, r, 'Mã xã'), summaryRow(summary, r)])).toEqual(
      body.communes.map((c) => [c.name, c.code, withoutListed(c.summary)]),
    );
    expect(summary.totals.map((r) => summaryRow(summary, r))).toEqual([withoutListed(body.totals.summary)]);

    const deprivations = sheetTable(book, 'Thiếu hụt');
    expect(deprivations.data.map((r) => [cellOf(deprivations, r, 'Xã'), deprivationRow(deprivations, r)])).toEqual(
      body.communes.flatMap((c) => c.deprivations.map((d) => [c.name, d])),
    );
    expect(deprivations.totals.map((r) => deprivationRow(deprivations, r))).toEqual(body.totals.deprivations);

    const projects = sheetTable(book, 'Dự án');
    expect(projects.data.map((r) => [cellOf(projects, r, 'Xã'), projectRow(projects, r)])).toEqual(
      body.communes.flatMap((c) => c.projects.map((p) => [c.name, withoutName(p)])),
    );
    expect(projects.totals.map((r) => projectRow(projects, r))).toEqual([...body.totals.projects, body.totals.projectsTotal].map(withoutName));
    expect(projects.data.map((r) => cellOf(projects, r, 'Tên dự án, tiểu dự án'))).toEqual(
      body.communes.flatMap((c) => c.projects.map((p) => p.name ?? '(chưa xác định dự án)')),
    );
  });

  it('carries no personal data: no names, no ID numbers, no duplicate pairs, only the figures’ fields', async () => {
    await submit(clean.grids);
    const { body, text } = await summaryOf(TOKENS.district);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['period', 'region', 'generatedAt', 'communes', 'totals']);
    expect(body.communes.map((c) => Object.keys(c))).toEqual([['id', 'name', 'code', 'summary', 'deprivations', 'projects']]);
    expect(Object.keys(body.totals)).toEqual(['summary', 'deprivations', 'projects', 'projectsTotal']);

    const records = validateWorkbook(clean.grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, period: '2024-Y' });
    const personal = [
      ...records.households.flatMap((h) => [h.headName, h.idNumber]),
      ...records.beneficiaries.flatMap((b) => [b.fullName, b.idNumber, b.householdHead]),
    ].filter((v): v is string => v !== null && v.length >= 5);
    expect(personal.length).toBeGreaterThan(100);
    expect(personal.filter((v) => text.includes(v))).toEqual([]);
  });

  it('is for district tokens only and needs a period', async () => {
    await expectError(await call('GET', '/api/district/summary?period=2024-Y', { token: TOKENS.commune }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/district/summary?period=2024-Y', { token: TOKENS.admin }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/district/summary?period=2024-Y'), 401, 'UNAUTHORIZED');
    await expectError(await call('GET', '/api/district/summary', { token: TOKENS.district }), 400, 'INVALID_REQUEST');
    await expectError(await call('GET', '/api/district/summary?period=2024-13', { token: TOKENS.district }), 400, 'INVALID_REQUEST');
    expect(await downloadCount()).toBe(0);
  });

  it('shows a district its own communes only', async () => {
    await seedOtherDistrict();
    await submit(clean.grids);
    const xuanDu = await submit(classic.grids, NHU_THANH.commune);

    const mine = await summaryOf(TOKENS.district);
    expect(mine.body.communes.map((c) => c.id)).toEqual(['xuan-hoa']);
    expect(mine.text).not.toContain('Xuân Du');

    const other = await summaryOf(NHU_THANH.district);
    expect(other.body.region.id).toBe('nhu-thanh');
    expect(other.body.communes.map((c) => c.id)).toEqual(['xuan-du']);
    expect(other.text).not.toContain('Xuân Hoà');
    const du = other.body.communes[0]!;
    expect(du.summary.listed).toBe(xuanDu.rowCounts.households);
    // One commune: the district's totals are its figures.
    expect([other.body.totals.summary.poor, other.body.totals.summary.nearPoor, other.body.totals.summary.listed]).toEqual([du.summary.poor, du.summary.nearPoor, du.summary.listed]);
    expect(other.body.totals.deprivations).toEqual(du.deprivations);
  });
});
