import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Region } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { withD1Limits } from '../../worker/db/d1-limits.ts';
import { PART_BYTES_PER_QUERY, districtSource } from '../../worker/db/district-source.ts';
import { insertCommune, insertRegion, upsertPlan } from '../../worker/db/queries.ts';
import { type PartName, insertSubmission } from '../../worker/db/submissions.ts';
import { NOW } from './helpers.ts';

/**
 * Issue 21, a province in one request: the D1 queries of the merged workbook's source
 * (worker/db/district-source.ts, also the district summary's) do not grow per commune beyond the
 * parts it reads: the versions of every commune come in one query, and each part's pages of rows
 * in one query per 8 MB of JSON. Counted at the database the app uses (withD1Limits over the
 * binding), every statement prepared and run.
 */

const REGION: Region = { id: 'tinh-thu', name: 'Tỉnh Thử', level: 'province', province: 'Tỉnh Thử' };
const region = (n: number): Region => ({ ...REGION, id: `tinh-${n}`, name: `Tỉnh ${n} xã` });
const PERIOD = '2025-Y';

/** The binding behind the limits guard, counting the statements run (all, first, run, raw). */
function counting(db: D1Database): { db: D1Database; count: () => number } {
  let n = 0;
  const wrapStatement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, property) {
        if (property === 'bind') return (...values: unknown[]) => wrapStatement(target.bind(...values));
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'all' || property === 'first' || property === 'run' || property === 'raw') {
          return (...args: unknown[]) => {
            n++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const guarded = withD1Limits(db);
  const wrapped = new Proxy(guarded, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          n += statements.length;
          return target.batch(statements);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: wrapped, count: () => n };
}

/**
 * A stored row the reader takes as a household and as a beneficiary (each kind's record,
 * shared/kinds/<kind>/record.ts; the keys of the other kind are no fault): the figures are not built here.
 */
const NULL_FIELDS = 'householdCode idNumber ethnicity beginningCategory income b1Score b2Score deprivations deprivationCount escapedYear birthYear birthDate gender householdHead supportType supportDate amount';
const ROW = {
  ...Object.fromEntries(NULL_FIELDS.split(' ').map((field) => [field, null])),
  sheet: 'DS',
  row: 5,
  ...{ headName: 'Lê Văn A', headBirthYear: 1970, headGender: 'male', village: 'Thôn 1', planVillage: 'Thôn 1', size: 4, category: 'poor' },
  ...{ meritFamily: false, noWorkCapacity: false, reasons: [], project: 'DA1', fullName: 'Lê Văn A', disabled: false },
};

/** A page of `rows` rows of JSON, about `bytes` of filler (what the reader parses). */
function page(rows: number, bytes: number): string {
  const filler = 'x'.repeat(Math.max(0, Math.floor(bytes / rows) - 20));
  return JSON.stringify(Array.from({ length: rows }, (_, i) => ({ ...ROW, i, filler })));
}

async function submission(communeId: string, period: string, version: number, parts: [PartName, string[]][]): Promise<void> {
  const kinds = parts.flatMap(([p]) => (p === 'sheets' ? [] : [p]));
  await insertSubmission(env.DB, {
    id: `sub-${communeId}-${period}-${version}`,
    communeId,
    period,
    kinds,
    tokenId: null,
    submittedBy: 'Người thử',
    receivedAt: `2025-12-0${version}T00:00:00.000Z`,
    late: false,
    deadline: '2025-12-10',
    checksum: '0'.repeat(64),
    rowCounts: { households: 0, beneficiaries: 0, progress: 0 },
    rulePack: 'mdp-2022',
    reportDate: '2025-12-31',
    warnings: [],
    parts,
    idempotency: null,
  });
}

/** A region of n communes with a plan, each with households (3 pages) and beneficiaries (2 pages), and last year's list for every other one. */
async function seedRegion(n: number): Promise<void> {
  await insertRegion(env.DB, region(n), NOW);
  for (let i = 0; i < n; i++) {
    const id = `xa-${n}-${String(i).padStart(3, '0')}`;
    await insertCommune(env.DB, { id, name: `Xã ${i}`, code: `X${n}-${i}`, regionId: region(n).id }, NOW);
    await upsertPlan(env.DB, id, 2025, XUAN_HOA_2024, NOW);
    await submission(id, PERIOD, 1, [['households', [page(5, 500), page(5, 500), page(2, 200)]]]);
    await submission(id, PERIOD, 2, [
      ['households', [page(5, 500), page(5, 500), page(3, 300)]],
      ['beneficiaries', [page(5, 500), page(4, 400)]],
    ]);
    if (i % 2 === 0) await submission(id, '2024-Y', 1, [['households', [page(5, 500)]]]);
  }
}

/** The source built and every iterator read through, as the writer does: queries made, pages and rows read. */
async function readAll(n: number): Promise<{ queries: number; pages: number; rows: number; communes: number }> {
  const { db, count } = counting(env.DB);
  const source = await districtSource(db, region(n), PERIOD, new Date(NOW));
  let pages = 0;
  let rows = 0;
  for (const c of source.communes) {
    for (const it of [source.households(c.id), source.previousHouseholds(c.id), source.beneficiaries(c.id), source.progress(c.id)]) {
      for await (const p of it) {
        pages++;
        rows += p.length;
      }
    }
  }
  expect(source.communes).toHaveLength(n);
  return { queries: count(), pages, rows, communes: source.communes.length };
}

describe('the merged workbook source: D1 queries for a region', () => {
  it('does not grow per commune beyond one query per part read', async () => {
    const results: { queries: number }[] = [];
    for (const n of [2, 6]) {
      // A region of its own for each size, in the same database.
      await seedRegion(n);
      const r = await readAll(n);
      // Rows: 13 households (the latest version only), 9 beneficiaries; 5 more from last year's list for every other commune.
      const withPrevious = Math.ceil(n / 2);
      expect(r.rows).toBe(n * (13 + 9) + withPrevious * 5);
      expect(r.pages).toBe(n * (3 + 2) + withPrevious);
      // 3 for the region (communes, plans, reviews), 1 for every commune's versions, 1 per part read.
      expect(r.queries).toBe(4 + n * 2 + withPrevious);
      results.push(r);
    }
    // Per commune: only the parts (households, beneficiaries, and last year's list for half of them).
    const [small, large] = results;
    expect(((large?.queries ?? Infinity) - (small?.queries ?? 0)) / (6 - 2)).toBeLessThanOrEqual(2.5);
  });

  it('reads a part larger than the byte budget in a few queries, its pages in order', async () => {
    await insertRegion(env.DB, REGION, NOW);
    await insertCommune(env.DB, { id: 'xa-lon', name: 'Xã Lớn', code: 'XL', regionId: REGION.id }, NOW);
    await upsertPlan(env.DB, 'xa-lon', 2025, XUAN_HOA_2024, NOW);
    // 6 pages of ~1.9 MB (under D1's 2 MB a row): 4 fit in 8 MB, then 2.
    const big = Array.from({ length: 6 }, (_, i) => JSON.stringify([{ ...ROW, i, filler: 'y'.repeat(1_900_000) }]));
    await submission('xa-lon', PERIOD, 1, [['households', big]]);
    const { db, count } = counting(env.DB);
    const source = await districtSource(db, REGION, PERIOD, new Date(NOW));
    const before = count();
    const seen: number[] = [];
    for await (const p of source.households('xa-lon')) for (const r of p as unknown as { i: number }[]) seen.push(r.i);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(count() - before).toBe(Math.ceil((6 * 1_900_000) / PART_BYTES_PER_QUERY));
    expect(count() - before).toBe(2);
  });
});
