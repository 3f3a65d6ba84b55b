import type { Commune, Region } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import { withD1Limits } from './d1-limits.ts';
import { firstRow } from './rows.ts';

/**
 * The directory: which D1 database holds each region's data. The directory database (binding DB)
 * keeps what is global — regions, communes, tokens, sign-in failures and `region_databases` — so a
 * token resolves to its principal and region before any regional query. A region with a row in
 * `region_databases` has its submissions (and their parts and idempotency keys), reviews, plans and
 * workbook downloads in that binding; a region without one keeps them in DB. Each regional
 * database also holds a copy of its own region's row and communes (written here, from the
 * directory), so its foreign keys hold and its queries join only tables of the same database.
 */

/** The binding of the directory database, and of every region without a database of its own. */
export const DIRECTORY_BINDING = 'DB';

/** A region's database: the binding's name (for logs, the admin API) and the guarded D1. */
export interface RegionDatabase {
  binding: string;
  db: D1Database;
}

function isD1(value: unknown): value is D1Database {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { prepare?: unknown }).prepare === 'function' &&
    typeof (value as { batch?: unknown }).batch === 'function'
  );
}

/** The D1 binding of that name, or null when the Worker has none (a name in data, not a type). */
export function d1Binding(env: Env, binding: string): D1Database | null {
  const value: unknown = (env as unknown as Record<string, unknown>)[binding];
  return isD1(value) ? value : null;
}

/** The binding that holds a region's data, as the directory says (null: the directory itself). */
export function findRegionBinding(directory: D1Database, regionId: string): Promise<{ binding: string; assignedAt: string } | null> {
  const toBinding = (row: { binding: string; assigned_at: string }) => ({ binding: row.binding, assignedAt: row.assigned_at });
  return firstRow(directory, toBinding, 'SELECT binding, assigned_at FROM region_databases WHERE region_id = ?', regionId);
}

/** Every region with a database of its own, by binding. */
export async function listRegionBindings(directory: D1Database): Promise<Map<string, string>> {
  const { results } = await directory
    .prepare('SELECT region_id, binding FROM region_databases ORDER BY region_id LIMIT 10000')
    .all<{ region_id: string; binding: string }>();
  return new Map(results.map((r) => [r.region_id, r.binding]));
}

/** The database named by a binding, behind the D1 limits guard; 503 when the Worker lacks it. */
export function databaseOf(env: Env, directory: D1Database, binding: string, regionId: string): RegionDatabase {
  if (binding === DIRECTORY_BINDING) return { binding, db: directory };
  const db = d1Binding(env, binding);
  if (db === null) throw new ApiError(503, 'REGION_DATABASE_UNAVAILABLE', { params: { id: regionId } });
  return { binding, db: withD1Limits(db) };
}

/**
 * The database of a region's data: its own binding when the directory names one, else the
 * directory database. 503 REGION_DATABASE_UNAVAILABLE when the named binding is not configured
 * (a deploy that lost it): never a silent fall back to DB, which would split the region's data.
 */
export async function regionDatabase(env: Env, directory: D1Database, regionId: string): Promise<RegionDatabase> {
  const found = await findRegionBinding(directory, regionId);
  return databaseOf(env, directory, found?.binding ?? DIRECTORY_BINDING, regionId);
}

/** `regionDatabase(…).db`: what every regional query is given. */
export async function regionDb(env: Env, regionId: string, directory: D1Database = withD1Limits(env.DB)): Promise<D1Database> {
  return (await regionDatabase(env, directory, regionId)).db;
}

/** Points a region at a binding (DB: back to the directory database). */
export async function setRegionBinding(directory: D1Database, regionId: string, binding: string, now: string): Promise<void> {
  if (binding === DIRECTORY_BINDING) {
    await directory.prepare('DELETE FROM region_databases WHERE region_id = ?').bind(regionId).run();
    return;
  }
  await directory
    .prepare(
      `INSERT INTO region_databases (region_id, binding, assigned_at) VALUES (?, ?, ?)
       ON CONFLICT (region_id) DO UPDATE SET binding = excluded.binding, assigned_at = excluded.assigned_at`,
    )
    .bind(regionId, binding, now)
    .run();
}

/** True when the database holds a submission of one of the region's communes. */
export async function regionHasSubmissions(db: D1Database, regionId: string): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS found FROM submissions s JOIN communes c ON c.id = s.commune_id WHERE c.region_id = ? LIMIT 1')
    .bind(regionId)
    .first<{ found: number }>();
  return row !== null;
}

/** Copies (upserts) the region's row and communes into its regional database, from the directory. */
export async function mirrorRegion(db: D1Database, region: Region, communes: readonly Commune[], now: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO regions (id, name, level, province, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, province = excluded.province`,
      )
      .bind(region.id, region.name, region.level, region.province, now),
    ...communes.map((c) =>
      db
        .prepare(
          `INSERT INTO communes (id, name, code, region_id, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, region_id = excluded.region_id`,
        )
        .bind(c.id, c.name, c.code, c.regionId, now),
    ),
  ]);
}

/** Every plan of the region's communes, all years (to carry them to the region's new database). */
export async function copyRegionPlans(from: D1Database, to: D1Database, regionId: string): Promise<void> {
  const { results } = await from
    .prepare(
      `SELECT p.commune_id, p.year, p.body, p.updated_at FROM plans p JOIN communes c ON c.id = p.commune_id
       WHERE c.region_id = ? ORDER BY p.commune_id, p.year LIMIT 10000`,
    )
    .bind(regionId)
    .all<{ commune_id: string; year: number; body: string; updated_at: string }>();
  const upsert = `INSERT INTO plans (commune_id, year, body, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (commune_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`;
  // D1 batches are one transaction each; a province's plans (a few hundred rows) fit in pages of 50.
  for (let i = 0; i < results.length; i += 50) {
    await to.batch(results.slice(i, i + 50).map((p) => to.prepare(upsert).bind(p.commune_id, p.year, p.body, p.updated_at)));
  }
}
