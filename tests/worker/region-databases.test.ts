import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  type Commune,
  CreateTokenResponse,
  RegionDatabaseResponse,
  ReviewListResponse,
  StatusResponse,
  SubmissionListResponse,
  SubmissionReceipt,
} from '../../shared/api.ts';
import { CommunePlan, XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { DEMO_REGION_BINDING, demoSeedByDatabase } from '../../scripts/demo-data.ts';
import { clock } from '../../worker/clock.ts';
import { ADMIN_SECRET, TOKENS, call, expectError, seedFixture } from './helpers.ts';
import { DATABASES } from './setup.ts';

/**
 * Issue 21, past one database: each region's data in its own D1 database, here three local D1s
 * (wrangler.toml's DB, DB_R1, DB_R2), read back directly through their bindings. The world:
 *   Thọ Xuân (the fixture's district: Xuân Hoà, Xuân Lai)  → DB_R1, moved there with its plan
 *   Như Thanh (district: Xuân Khang), made through the admin API → DB_R2
 *   Thanh Hoá (the fixture's province: Hoằng Hoá)           → no row: stays in DB
 */

const clean = inject('samples')['workbook-xuan-hoa-2024-clean']!;
/** The progress report alone: a small, clean submission. */
const PROGRESS = clean.grids.filter((g) => g.name === 'Tien do').map((grid) => ({ grid }));
const PERIOD = '2024-Y';
const ON_TIME = new Date('2024-12-05T03:00:00Z');

const R1 = env.DB_R1;
const R2 = env.DB_R2;
const DIRECTORY = env.DB;

const XUAN_KHANG: Commune = { id: 'xuan-khang', name: 'Xuân Khang', code: 'XK', regionId: 'nhu-thanh' };
const HOANG_HOA: Commune = { id: 'hoang-hoa', name: 'Hoằng Hoá', code: 'HH', regionId: 'thanh-hoa' };

/** Xuân Hoà's plan for another commune (the sample workbook checks clean against it). */
function planFor(commune: Commune): CommunePlan {
  return CommunePlan.parse({
    ...structuredClone(XUAN_HOA_2024),
    id: `${commune.id}-2024`,
    commune: { ...XUAN_HOA_2024.commune, id: commune.id, name: commune.name, code: commune.code },
  });
}

async function admin(method: string, path: string, json?: unknown): Promise<Response> {
  return call(method, path, { token: ADMIN_SECRET, ...(json === undefined ? {} : { json }) });
}

async function newToken(request: { role: 'commune'; communeId: string } | { role: 'district'; regionId: string }): Promise<string> {
  const response = await admin('POST', '/api/admin/tokens', { label: `Người thử ${JSON.stringify(request)}`, ...request });
  expect(response.status).toBe(201);
  return CreateTokenResponse.parse(await response.json()).token;
}

interface World {
  khangCommune: string;
  nhuThanhDistrict: string;
  hoangHoaCommune: string;
  thanhHoaDistrict: string;
}

async function seedWorld(): Promise<World> {
  await seedFixture();
  // Thọ Xuân already has communes and Xuân Hoà's plan in DB: the move copies them to DB_R1.
  expect((await admin('PUT', '/api/admin/regions/tho-xuan/database', { binding: 'DB_R1' })).status).toBe(200);

  expect((await admin('POST', '/api/admin/regions', { id: 'nhu-thanh', name: 'Như Thanh', level: 'district', province: 'Thanh Hoá' })).status).toBe(201);
  expect((await admin('PUT', '/api/admin/regions/nhu-thanh/database', { binding: 'DB_R2' })).status).toBe(200);
  for (const commune of [XUAN_KHANG, HOANG_HOA]) {
    expect((await admin('POST', '/api/admin/communes', commune)).status).toBe(201);
    expect((await admin('PUT', `/api/admin/plans/${commune.id}/2024`, planFor(commune))).status).toBe(200);
  }
  return {
    khangCommune: await newToken({ role: 'commune', communeId: XUAN_KHANG.id }),
    nhuThanhDistrict: await newToken({ role: 'district', regionId: 'nhu-thanh' }),
    hoangHoaCommune: await newToken({ role: 'commune', communeId: HOANG_HOA.id }),
    thanhHoaDistrict: await newToken({ role: 'district', regionId: 'thanh-hoa' }),
  };
}

async function submit(token: string, key?: string): Promise<SubmissionReceipt> {
  const response = await call('POST', '/api/submissions', {
    token,
    json: { period: PERIOD, sheets: PROGRESS },
    ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }),
  });
  expect(response.status).toBe(201);
  return SubmissionReceipt.parse(await response.json());
}

async function ids(db: D1Database, sql: string, ...values: unknown[]): Promise<string[]> {
  const { results } = await db.prepare(sql).bind(...values).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Where a submission and everything that hangs off it is stored: one list per binding. */
async function whereIs(submissionId: string): Promise<Record<string, { submissions: number; parts: number; reviews: number; transitions: number; keys: number }>> {
  const out: Record<string, { submissions: number; parts: number; reviews: number; transitions: number; keys: number }> = {};
  for (const [name, db] of DATABASES) {
    const count = async (sql: string): Promise<number> => (await db.prepare(sql).bind(submissionId).first<{ n: number }>())?.n ?? -1;
    out[name] = {
      submissions: await count('SELECT COUNT(*) AS n FROM submissions WHERE id = ?'),
      parts: await count('SELECT COUNT(*) AS n FROM submission_parts WHERE submission_id = ?'),
      reviews: await count('SELECT COUNT(*) AS n FROM review_state WHERE submission_id = ?'),
      transitions: await count('SELECT COUNT(*) AS n FROM review_transitions WHERE submission_id = ?'),
      keys: await count('SELECT COUNT(*) AS n FROM idempotency_keys WHERE submission_id = ?'),
    };
  }
  return out;
}

const NOWHERE = { submissions: 0, parts: 0, reviews: 0, transitions: 0, keys: 0 };
const STORED = { submissions: 1, parts: 2, reviews: 1, transitions: 1, keys: 1 };

beforeEach(() => {
  clock.now = () => ON_TIME;
});

afterEach(() => {
  clock.now = () => new Date();
});

describe('regional databases', () => {
  it('runs with three local D1 databases, each with every migration applied', async () => {
    expect(DATABASES.map(([name]) => name).sort()).toEqual(['DB', 'DB_R1', 'DB_R2']);
    const tables: Record<string, string[]> = {};
    for (const [name, db] of DATABASES) {
      tables[name] = await ids(db, "SELECT name AS id FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name");
    }
    const expected = [
      'communes',
      'd1_migrations',
      'idempotency_keys',
      'plans',
      'region_databases',
      'regions',
      'review_comments',
      'review_state',
      'review_transitions',
      'sign_in_failures',
      'submission_parts',
      'submissions',
      'tokens',
      'workbook_downloads',
    ];
    expect(tables).toEqual({ DB: expected, DB_R1: expected, DB_R2: expected });
    const migrations = await ids(R2, 'SELECT name AS id FROM d1_migrations ORDER BY id');
    expect(migrations).toEqual(await ids(DIRECTORY, 'SELECT name AS id FROM d1_migrations ORDER BY id'));
    expect(migrations.at(-1)).toBe('0006_region_databases.sql');
  });

  it('keeps the directory in DB and copies each region and its communes and plans into its own database', async () => {
    await seedWorld();
    expect(await ids(DIRECTORY, 'SELECT region_id || \'=\' || binding AS id FROM region_databases ORDER BY region_id')).toEqual([
      'nhu-thanh=DB_R2',
      'tho-xuan=DB_R1',
    ]);
    expect(await ids(DIRECTORY, 'SELECT id FROM communes ORDER BY id')).toEqual(['hoang-hoa', 'xuan-hoa', 'xuan-khang', 'xuan-lai']);
    expect(await ids(R1, 'SELECT id FROM communes ORDER BY id')).toEqual(['xuan-hoa', 'xuan-lai']);
    expect(await ids(R2, 'SELECT id FROM communes ORDER BY id')).toEqual(['xuan-khang']);
    expect(await ids(R1, 'SELECT commune_id AS id FROM plans')).toEqual(['xuan-hoa']);
    expect(await ids(R2, 'SELECT commune_id AS id FROM plans')).toEqual(['xuan-khang']);
    // Hoằng Hoá's region has no database of its own: its plan is in DB, as in a one-database deploy.
    expect(await ids(DIRECTORY, "SELECT commune_id AS id FROM plans WHERE commune_id <> 'xuan-hoa'")).toEqual(['hoang-hoa']);
    // Tokens stay in the directory only.
    expect(await ids(R1, 'SELECT id FROM tokens')).toEqual([]);
    expect(await ids(R2, 'SELECT id FROM tokens')).toEqual([]);
  });

  it('stores each submission, its parts, key and review in its region\'s database and nowhere else', async () => {
    const world = await seedWorld();
    const hoa = await submit(TOKENS.commune, 'key-hoa');
    const khang = await submit(world.khangCommune, 'key-khang');
    const hoang = await submit(world.hoangHoaCommune, 'key-hoang');
    expect([hoa.version, khang.version, hoang.version]).toEqual([1, 1, 1]);
    expect(await whereIs(hoa.id)).toEqual({ DB: NOWHERE, DB_R1: STORED, DB_R2: NOWHERE });
    expect(await whereIs(khang.id)).toEqual({ DB: NOWHERE, DB_R1: NOWHERE, DB_R2: STORED });
    expect(await whereIs(hoang.id)).toEqual({ DB: STORED, DB_R1: NOWHERE, DB_R2: NOWHERE });

    // The same key again answers the first receipt, from the same database.
    const again = await call('POST', '/api/submissions', { token: TOKENS.commune, json: { period: PERIOD, sheets: PROGRESS }, headers: { 'Idempotency-Key': 'key-hoa' } });
    expect(SubmissionReceipt.parse(await again.json())).toEqual(hoa);
    expect(await ids(R1, 'SELECT id FROM submissions')).toEqual([hoa.id]);

    // Each district reads its own region from its own database.
    const status = StatusResponse.parse(await (await call('GET', `/api/status?period=${PERIOD}`, { token: world.nhuThanhDistrict })).json());
    expect(status.communes.map((c) => [c.commune.id, c.kinds.find((k) => k.kind === 'progress')?.submissionId, c.review.state])).toEqual([
      ['xuan-khang', khang.id, 'submitted'],
    ]);
    const own = StatusResponse.parse(await (await call('GET', `/api/status?period=${PERIOD}`, { token: TOKENS.district })).json());
    expect(own.communes.map((c) => [c.commune.id, c.review.state])).toEqual([
      ['xuan-hoa', 'submitted'],
      ['xuan-lai', 'missing'],
    ]);
  });

  it('never lets a district, a commune or an admin read or write one region\'s data through another', async () => {
    const world = await seedWorld();
    const hoa = await submit(TOKENS.commune);
    const khang = await submit(world.khangCommune);

    // A district of region 2 (DB_R2) and region 1's submission, status, reviews and workbook.
    const other = { token: world.nhuThanhDistrict };
    await expectError(await call('GET', `/api/submissions/${hoa.id}`, other), 404, 'SUBMISSION_NOT_FOUND');
    const listed = SubmissionListResponse.parse(await (await call('GET', `/api/submissions?communeId=xuan-hoa`, other)).json());
    expect(listed.submissions).toEqual([]);
    await expectError(await call('GET', `/api/reviews?period=${PERIOD}&communeId=xuan-hoa`, other), 404, 'COMMUNE_NOT_FOUND');
    await expectError(await call('GET', `/api/reviews/xuan-hoa/${PERIOD}/audit`, other), 404, 'COMMUNE_NOT_FOUND');
    await expectError(await call('POST', `/api/reviews/xuan-hoa/${PERIOD}/accept`, { ...other, json: {} }), 404, 'COMMUNE_NOT_FOUND');
    const reviews = ReviewListResponse.parse(await (await call('GET', `/api/reviews?period=${PERIOD}`, other)).json());
    expect(reviews.reviews.map((r) => [r.communeId, r.submissionId])).toEqual([['xuan-khang', khang.id]]);
    const workbook = await call('GET', `/api/workbook?period=${PERIOD}`, other);
    expect(workbook.status).toBe(200);
    await workbook.arrayBuffer();
    expect(await ids(R2, "SELECT region_id AS id FROM workbook_downloads")).toEqual(['nhu-thanh']);
    expect(await ids(R1, 'SELECT region_id AS id FROM workbook_downloads')).toEqual([]);
    expect(await ids(DIRECTORY, 'SELECT region_id AS id FROM workbook_downloads')).toEqual([]);
    // The province in DB sees neither.
    await expectError(await call('GET', `/api/submissions/${khang.id}`, { token: world.thanhHoaDistrict }), 404, 'SUBMISSION_NOT_FOUND');

    // A commune of region 2 and region 1's submission; and region 1's district and region 2's.
    await expectError(await call('GET', `/api/submissions/${hoa.id}`, { token: world.khangCommune }), 404, 'SUBMISSION_NOT_FOUND');
    await expectError(await call('GET', `/api/submissions/${khang.id}`, { token: TOKENS.commune }), 404, 'SUBMISSION_NOT_FOUND');
    await expectError(await call('GET', `/api/submissions/${khang.id}`, { token: TOKENS.district }), 404, 'SUBMISSION_NOT_FOUND');
    expect((await call('GET', `/api/submissions/${hoa.id}`, { token: TOKENS.district })).status).toBe(200);

    // Nothing was written to region 1 by any of that: its review is as the commune left it.
    expect(await ids(R1, "SELECT state AS id FROM review_state")).toEqual(['submitted']);
    expect(await ids(R1, 'SELECT action AS id FROM review_transitions ORDER BY revision')).toEqual(['submit']);

    // An admin spans the regions through the directory: each commune's state from its own database.
    const all = ReviewListResponse.parse(await (await call('GET', `/api/reviews?period=${PERIOD}`, { token: TOKENS.admin })).json());
    expect(all.reviews.map((r) => [r.communeId, r.state, r.submissionId])).toEqual([
      ['hoang-hoa', 'missing', null],
      ['xuan-hoa', 'submitted', hoa.id],
      ['xuan-khang', 'submitted', khang.id],
      ['xuan-lai', 'missing', null],
    ]);
    // An admin's accept of Xuân Hoà lands in DB_R1 only.
    expect((await call('POST', `/api/reviews/xuan-hoa/${PERIOD}/accept`, { token: TOKENS.admin, json: {} })).status).toBe(200);
    expect(await ids(R1, 'SELECT action AS id FROM review_transitions ORDER BY revision')).toEqual(['submit', 'accept']);
    expect(await ids(R2, 'SELECT action AS id FROM review_transitions ORDER BY revision')).toEqual(['submit']);
    expect(await ids(DIRECTORY, 'SELECT action AS id FROM review_transitions')).toEqual([]);
  });

  it('assigns a database only by a configured binding, and not once the region has submissions', async () => {
    await seedWorld();
    const unknown = await expectError(await admin('PUT', '/api/admin/regions/thanh-hoa/database', { binding: 'DB_R9' }), 422, 'UNKNOWN_DATABASE');
    expect(unknown.message).toMatch(/^Không có cơ sở dữ liệu "DB_R9"/);
    await expectError(await admin('PUT', '/api/admin/regions/thanh-hoa/database', { binding: 'ASSETS' }), 400, 'INVALID_REQUEST');
    await expectError(await admin('PUT', '/api/admin/regions/no-such/database', { binding: 'DB_R2' }), 404, 'UNKNOWN_REGION');
    await expectError(await call('PUT', '/api/admin/regions/thanh-hoa/database', { token: TOKENS.district, json: { binding: 'DB_R2' } }), 403, 'FORBIDDEN');

    // The same binding again changes nothing; a region with submissions stays where it is.
    const same = await admin('PUT', '/api/admin/regions/tho-xuan/database', { binding: 'DB_R1' });
    expect(RegionDatabaseResponse.parse(await same.json())).toEqual({ regionId: 'tho-xuan', binding: 'DB_R1', assignedAt: expect.any(String) });
    await submit(TOKENS.commune);
    await expectError(await admin('PUT', '/api/admin/regions/tho-xuan/database', { binding: 'DB_R2' }), 409, 'REGION_HAS_DATA');
    await expectError(await admin('PUT', '/api/admin/regions/tho-xuan/database', { binding: 'DB' }), 409, 'REGION_HAS_DATA');
    expect(await ids(DIRECTORY, "SELECT binding AS id FROM region_databases WHERE region_id = 'tho-xuan'")).toEqual(['DB_R1']);

    // A region with nothing yet may go back to DB (its plans come with it).
    const back = await admin('PUT', '/api/admin/regions/nhu-thanh/database', { binding: 'DB' });
    expect(RegionDatabaseResponse.parse(await back.json())).toEqual({ regionId: 'nhu-thanh', binding: 'DB', assignedAt: null });
    expect(await ids(DIRECTORY, "SELECT commune_id AS id FROM plans WHERE commune_id = 'xuan-khang'")).toEqual(['xuan-khang']);
  });

  it('answers 503 in Vietnamese, and writes nothing, when a region\'s binding is missing from the Worker', async () => {
    const world = await seedWorld();
    // A deploy that lost DB_R1: the directory still names it.
    const lost = { env: { DB_R1: undefined as unknown as D1Database } };
    const error = await expectError(
      await call('POST', '/api/submissions', { token: TOKENS.commune, json: { period: PERIOD, sheets: PROGRESS }, ...lost }),
      503,
      'REGION_DATABASE_UNAVAILABLE',
    );
    expect(error.message).toMatch(/^Cơ sở dữ liệu của đơn vị "tho-xuan" chưa được kết nối/);
    await expectError(await call('GET', `/api/status?period=${PERIOD}`, { token: TOKENS.district, ...lost }), 503, 'REGION_DATABASE_UNAVAILABLE');
    // Other regions go on; nothing fell back to DB.
    expect((await call('GET', `/api/status?period=${PERIOD}`, { token: world.nhuThanhDistrict, ...lost })).status).toBe(200);
    for (const [, db] of DATABASES) expect(await ids(db, 'SELECT id FROM submissions')).toEqual([]);
  });

  it('seeds the demo as `npm start` does: the directory in DB, Thọ Xuân\'s data in DB_R1', async () => {
    const seed = async (now: string): Promise<void> => {
      for (const [binding, statements] of Object.entries(await demoSeedByDatabase(now))) {
        const db = DATABASES.find(([name]) => name === binding)?.[1];
        if (db === undefined) throw new Error(`no binding ${binding}`);
        for (const sql of statements) await db.prepare(sql).run();
      }
    };
    await seed('2024-01-01T00:00:00.000Z');
    await seed('2024-02-01T00:00:00.000Z');
    expect(DEMO_REGION_BINDING).toBe('DB_R1');
    expect(await ids(DIRECTORY, "SELECT region_id || '=' || binding AS id FROM region_databases")).toEqual(['tho-xuan=DB_R1']);
    expect(await ids(DIRECTORY, 'SELECT commune_id AS id FROM plans')).toEqual([]);
    expect(await ids(R1, 'SELECT commune_id AS id FROM plans ORDER BY commune_id')).toEqual(['tho-lap', 'xuan-hoa', 'xuan-lai', 'xuan-lap']);
    expect(await ids(R1, 'SELECT id FROM tokens')).toEqual([]);
    const plan = await call('GET', '/api/plan?year=2024', { token: 'demo-xuan-hoa' });
    expect(await plan.json()).toEqual(XUAN_HOA_2024);
    const receipt = await submit('demo-xuan-hoa');
    expect(await whereIs(receipt.id)).toEqual({ DB: NOWHERE, DB_R1: { ...STORED, keys: 0 }, DB_R2: NOWHERE });
    const status = StatusResponse.parse(await (await call('GET', `/api/status?period=${PERIOD}`, { token: 'demo-tho-xuan' })).json());
    expect(status.communes.map((c) => [c.commune.id, c.review.state])).toEqual([
      ['tho-lap', 'missing'],
      ['xuan-hoa', 'submitted'],
      ['xuan-lai', 'missing'],
      ['xuan-lap', 'missing'],
    ]);
  });

  it('leaves a region with submissions already in DB where it is when the demo is seeded again', async () => {
    await seedFixture();
    await submit(TOKENS.commune);
    for (const [binding, statements] of Object.entries(await demoSeedByDatabase('2024-03-01T00:00:00.000Z'))) {
      const db = DATABASES.find(([name]) => name === binding)?.[1];
      for (const sql of statements) await db?.prepare(sql).run();
    }
    expect(await ids(DIRECTORY, 'SELECT region_id AS id FROM region_databases')).toEqual([]);
    expect((await call('GET', `/api/submissions?period=${PERIOD}`, { token: TOKENS.district })).status).toBe(200);
  });
});
