import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import {
  SubmissionDetail,
  SubmissionListResponse,
  SubmissionReceipt,
  StatusResponse,
  ValidationFailedEnvelope,
} from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { clock } from '../../worker/clock.ts';
import { insertCommune, insertToken, upsertPlan } from '../../worker/db/queries.ts';
import { generateHouseholds } from '../../bench/generate.ts';
import { NOW, TOKENS, call, expectError, seedFixture } from './helpers.ts';

const samples = inject('samples');
const clean = samples['workbook-xuan-hoa-2024-clean']!;
const withErrors = samples['workbook-xuan-hoa-2024-errors']!;

/** Before the 2024 annual deadline (10/12/2024, 23:59 Vietnam time), and after it. */
const ON_TIME = new Date('2024-12-05T03:00:00Z');
const DEADLINE_LAST_MOMENT = new Date('2024-12-10T16:59:59Z');
const LATE = new Date('2024-12-11T02:00:00Z');

function sheetsOf(grids: readonly Grid[]): { grid: Grid }[] {
  return grids.map((grid) => ({ grid }));
}

async function submit(body: unknown, options: { token?: string; key?: string; gzip?: boolean } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.key) headers['Idempotency-Key'] = options.key;
  const text = JSON.stringify(body);
  if (options.gzip) {
    headers['Content-Encoding'] = 'gzip';
    const compressed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    const { default: app } = await import('../../worker/index.ts');
    return app.request(
      '/api/submissions',
      { method: 'POST', headers: { ...headers, Authorization: `Bearer ${options.token ?? TOKENS.commune}` }, body: compressed },
      env,
    );
  }
  return call('POST', '/api/submissions', { token: options.token ?? TOKENS.commune, body: text, headers });
}

beforeEach(async () => {
  await seedFixture();
  clock.now = () => ON_TIME;
});

afterEach(() => {
  clock.now = () => new Date();
  vi.restoreAllMocks();
});

describe('POST /api/submissions', () => {
  it('answers 422 with the very issues the CLI gives for the same workbook, and stores nothing', async () => {
    const res = await submit({ period: '2024-Y', sheets: sheetsOf(withErrors.grids) });
    expect(res.status).toBe(422);
    const body = ValidationFailedEnvelope.parse(await res.json());
    expect(body.error.issues).toEqual(withErrors.cliIssues);
    expect(body.error.message).toContain('lỗi');
    const list = SubmissionListResponse.parse(await (await call('GET', '/api/submissions', { token: TOKENS.commune })).json());
    expect(list.submissions).toEqual([]);
  });

  it('answers 422 SHEET.UNKNOWN_KIND to a workbook with no sheet, an empty sheet, or no list or report, and stores nothing', async () => {
    const cover: Grid = { name: 'Huong dan', rows: [['HƯỚNG DẪN NHẬP LIỆU'], ['1. Nhập mỗi hộ một dòng']], merges: [] };
    const empty: Grid = { name: 'Sheet1', rows: [], merges: [] };
    for (const sheets of [[], [{ grid: empty }], [{ grid: cover }, { grid: empty }]]) {
      const res = await submit({ period: '2024-Y', sheets });
      expect(res.status).toBe(422);
      const body = ValidationFailedEnvelope.parse(await res.json());
      expect(body.error.issues.map((i) => [i.code, i.severity])).toEqual([['SHEET.UNKNOWN_KIND', 'error']]);
      expect(body.error.message).toContain('1 lỗi');
    }
    const list = SubmissionListResponse.parse(await (await call('GET', '/api/submissions', { token: TOKENS.commune })).json());
    expect(list.submissions).toEqual([]);
  });

  it('accepts a clean workbook as version 1, a resubmission as version 2, and keeps both', async () => {
    const first = SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) })).json());
    expect(first).toMatchObject({
      communeId: 'xuan-hoa',
      period: '2024-Y',
      version: 1,
      late: false,
      deadline: '2024-12-10',
      kinds: ['households', 'beneficiaries', 'progress'],
      rowCounts: { households: 50, beneficiaries: 36, progress: 9 },
      rulePack: 'mdp-2022',
      warnings: [],
      receivedAt: ON_TIME.toISOString(),
    });
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
    const second = await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) });
    expect(second.status).toBe(201);
    expect(SubmissionReceipt.parse(await second.json()).version).toBe(2);
    const list = SubmissionListResponse.parse(await (await call('GET', '/api/submissions?period=2024-Y', { token: TOKENS.commune })).json());
    expect(list.submissions.map((s) => [s.version, s.submittedBy, s.rowCounts.households])).toEqual([
      [2, 'Người thử tok-commune', 50],
      [1, 'Người thử tok-commune', 50],
    ]);
  });

  it('returns the sheets exactly as received', async () => {
    const receipt = SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) })).json());
    const detail = SubmissionDetail.parse(await (await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.commune })).json());
    expect(detail.sheets).toEqual(sheetsOf(clean.grids));
    expect(detail.version).toBe(1);
  });

  it('records a submission after 23:59 Vietnam time on the deadline day as late, with SUBMIT.LATE', async () => {
    clock.now = () => DEADLINE_LAST_MOMENT;
    expect(SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) })).json()).late).toBe(false);
    clock.now = () => LATE;
    const late = SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) })).json());
    expect(late.late).toBe(true);
    expect(late.warnings.map((w) => [w.code, w.severity, w.expected])).toEqual([['SUBMIT.LATE', 'warning', '2024-12-10']]);
  });

  it('answers the same key and body with the first answer; the same key with another body is 409', async () => {
    const body = { period: '2024-Y', sheets: sheetsOf(clean.grids) };
    const a = await submit(body, { key: 'k-123' });
    const b = await submit(body, { key: 'k-123' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await b.json()).toEqual(await a.json());
    await expectError(await submit({ ...body, period: '2024-H1' }, { key: 'k-123' }), 409, 'IDEMPOTENCY_CONFLICT');
    const list = SubmissionListResponse.parse(await (await call('GET', '/api/submissions', { token: TOKENS.commune })).json());
    expect(list.submissions).toHaveLength(1);
  });

  it('keeps an idempotency key for 24 hours only', async () => {
    const body = { period: '2024-Y', sheets: sheetsOf(clean.grids) };
    await submit(body, { key: 'day-key' });
    clock.now = () => new Date(ON_TIME.getTime() + 25 * 3600 * 1000);
    const again = SubmissionReceipt.parse(await (await submit(body, { key: 'day-key' })).json());
    expect(again.version).toBe(2);
  });

  it('a 422 is not stored and may be retried with the same key', async () => {
    expect((await submit({ period: '2024-Y', sheets: sheetsOf(withErrors.grids) }, { key: 'retry' })).status).toBe(422);
    expect((await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) }, { key: 'retry' })).status).toBe(201);
  });

  it('stores 50 concurrent submissions from 10 communes with gapless versions', async () => {
    const communes = Array.from({ length: 10 }, (_, i) => `xa-${i}`);
    for (const [i, id] of communes.entries()) {
      await insertCommune(env.DB, { id, name: `Xã ${i}`, code: `X${i}`, regionId: 'tho-xuan' }, NOW);
      await upsertPlan(env.DB, id, 2024, { ...XUAN_HOA_2024, id: `${id}-2024`, commune: { ...XUAN_HOA_2024.commune, id, name: `Xã ${i}` } }, NOW);
      await insertToken(env.DB, {
        info: { id: `tok-${id}`, label: `Cán bộ ${i}`, role: 'commune', communeId: id, regionId: null, demo: false, createdAt: NOW, revokedAt: null },
        tokenHash: await sha256Hex(`token-${id}`),
      });
    }
    const progressOnly = sheetsOf(clean.grids.filter((g) => g.name === 'Tien do'));
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => submit({ period: '2024-Q4', sheets: progressOnly }, { token: `token-${communes[n % 10]}` })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const { results } = await env.DB.prepare('SELECT commune_id, version FROM submissions ORDER BY commune_id, version').all<{ commune_id: string; version: number }>();
    for (const id of communes) {
      expect(results.filter((r) => r.commune_id === id).map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('stores a 20,000-row household list whole (sent gzip-compressed) and reads it back equal', async () => {
    const { grid } = generateHouseholds(20_000, { plantEvery: 0 });
    const res = await submit({ period: '2024-Y', sheets: [{ grid }] }, { gzip: true });
    expect(res.status).toBe(201);
    const receipt = SubmissionReceipt.parse(await res.json());
    expect(receipt.rowCounts.households).toBe(20_000);
    const detail = SubmissionDetail.parse(await (await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.commune })).json());
    expect(detail.sheets[0]!.grid).toEqual(grid);
  });

  it('stores hostile-looking but valid text verbatim and gives it back byte-exact', async () => {
    const hostile = [
      "=cmd|' /C calc'!A0",
      "'; DROP TABLE submissions; --",
      'Nguyễn Thị Hằng'.normalize('NFD'),
      '@SUM(1+1)',
      '+84 912 345 678',
      'x'.repeat(30_000),
      '<script>alert(1)</script>',
    ];
    const grid = structuredClone(clean.grids.find((g) => g.name === 'Ho ngheo')!);
    hostile.forEach((text, i) => {
      const row = grid.rows[10 + i]!;
      while (row.length < 27) row.push(null);
      row[26] = text; // the "Ghi chú" column (AA)
    });
    const receipt = SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: [{ grid }] })).json());
    const res = await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.commune });
    const detail = SubmissionDetail.parse(await res.json());
    hostile.forEach((text, i) => expect(detail.sheets[0]!.grid.rows[10 + i]![26]).toBe(text));
    expect(detail.sheets[0]!.grid).toEqual(grid);
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'submissions'").all();
    expect(results).toHaveLength(1);
  });

  it('writes no submitted name or ID number to the logs', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) });
    await submit({ period: '2024-Y', sheets: sheetsOf(withErrors.grids) });
    await submit({ period: '2024-Y', sheets: [{ grid: { name: 'x', rows: 'oops' } }] });
    const text = logged.join('\n');
    for (const grid of clean.grids) {
      for (const row of grid.rows.slice(10, 20)) {
        for (const cell of row) if (typeof cell === 'string' && cell.length > 4) expect(text).not.toContain(cell);
      }
    }
    expect(text).not.toMatch(/\d{12}/);
  });
});

describe('bad input is answered 4xx with the envelope, never 500', () => {
  it('malformed JSON is 400', async () => {
    await expectError(await call('POST', '/api/submissions', { token: TOKENS.commune, body: '{"period":', headers: { 'Content-Type': 'application/json' } }), 400, 'MALFORMED_JSON');
  });

  it('wrong types are 400 naming the field', async () => {
    const error = await expectError(await submit({ period: '2024-Q5', sheets: [{ grid: { name: 'A', rows: [[{ evil: 1 }]] } }] }), 400, 'INVALID_REQUEST');
    expect(error.message).toContain('"period"');
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['period', 'sheets.0.grid.rows.0.0']));
  });

  it('a body over the limit is 413; broken gzip is 400; another encoding is 415; not JSON is 415', async () => {
    const big = JSON.stringify({ period: '2024-Y', sheets: [{ grid: { name: 'A', rows: [['x'.repeat(25 * 1024 * 1024)]] } }] });
    await expectError(await call('POST', '/api/submissions', { token: TOKENS.commune, body: big, headers: { 'Content-Type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    await expectError(
      await call('POST', '/api/submissions', { token: TOKENS.commune, body: 'not gzip at all', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } }),
      400,
      'MALFORMED_JSON',
    );
    await expectError(
      await call('POST', '/api/submissions', { token: TOKENS.commune, body: '{}', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'br' } }),
      415,
      'UNSUPPORTED_ENCODING',
    );
    await expectError(await call('POST', '/api/submissions', { token: TOKENS.commune, body: 'period=2024-Y', headers: { 'Content-Type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a year without a plan is 404 PLAN_NOT_FOUND', async () => {
    await expectError(await submit({ period: '2023-Y', sheets: sheetsOf(clean.grids) }), 404, 'PLAN_NOT_FOUND');
  });
});

describe('who may read what', () => {
  it('only a commune submits; a district reads its communes; others get 404 for a submission', async () => {
    await expectError(await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) }, { token: TOKENS.district }), 403, 'FORBIDDEN');
    await expectError(await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) }, { token: TOKENS.admin }), 403, 'FORBIDDEN');
    const receipt = SubmissionReceipt.parse(await (await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) })).json());
    expect((await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.district })).status).toBe(200);
    await expectError(await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.otherCommune }), 404, 'SUBMISSION_NOT_FOUND');
    await expectError(await call('GET', `/api/submissions/${receipt.id}`), 401, 'UNAUTHORIZED');
    const other = SubmissionListResponse.parse(await (await call('GET', '/api/submissions', { token: TOKENS.otherCommune })).json());
    expect(other.submissions).toEqual([]);
    const district = SubmissionListResponse.parse(await (await call('GET', '/api/submissions?kind=progress', { token: TOKENS.district })).json());
    expect(district.submissions.map((s) => s.communeName)).toEqual(['Xuân Hoà']);
  });

  it('checks beneficiaries against the latest accepted household list when the workbook has none', async () => {
    await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids.filter((g) => g.name === 'Ho ngheo')) });
    const errors = withErrors.grids.filter((g) => g.name === 'DA3.2 dinh duong');
    const res = await submit({ period: '2024-Y', sheets: sheetsOf(errors) });
    expect(res.status).toBe(422);
    const codes = ValidationFailedEnvelope.parse(await res.json()).error.issues.map((i) => i.code);
    expect(codes).toContain('BEN.HOUSEHOLD_NOT_FOUND');
  });
});

describe('GET /api/status', () => {
  it('shows on-time, late and missing communes for the district', async () => {
    await insertCommune(env.DB, { id: 'xuan-lap', name: 'Xuân Lập', code: 'XLP', regionId: 'tho-xuan' }, NOW);
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai' } }, NOW);
    await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids) }); // Xuân Hoà, on time
    clock.now = () => LATE;
    await submit({ period: '2024-Y', sheets: sheetsOf(clean.grids.filter((g) => g.name === 'Tien do')) }, { token: TOKENS.otherCommune }); // Xuân Lai, progress late
    const body = StatusResponse.parse(await (await call('GET', '/api/status?period=2024-Y', { token: TOKENS.district })).json());
    expect(body.kindsDue).toEqual(['households', 'beneficiaries', 'progress']);
    const states = Object.fromEntries(body.communes.map((c) => [c.commune.name, c.kinds.map((k) => `${k.kind}:${k.state}`)]));
    expect(states).toEqual({
      'Xuân Hoà': ['households:onTime', 'beneficiaries:onTime', 'progress:onTime'],
      'Xuân Lai': ['households:missing', 'beneficiaries:missing', 'progress:late'],
      'Xuân Lập': ['households:missing', 'beneficiaries:missing', 'progress:missing'],
    });
    const lai = body.communes.find((c) => c.commune.id === 'xuan-lai')!;
    expect(lai.kinds[2]).toMatchObject({ version: 1, lateBySeconds: 9 * 3600, receivedAt: LATE.toISOString() });
    expect(lai.deadline).toBe('2024-12-10T16:59:59.999Z');
  });

  it('is for district tokens only, and a quarter needs only the progress report', async () => {
    await expectError(await call('GET', '/api/status?period=2024-Y', { token: TOKENS.commune }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/status?period=2024-13', { token: TOKENS.district }), 400, 'INVALID_REQUEST');
    const q = StatusResponse.parse(await (await call('GET', '/api/status?period=2024-Q2', { token: TOKENS.district })).json());
    expect(q.kindsDue).toEqual(['progress']);
  });
});
