import { RegionLevel, Role, type Commune, type Region, type TokenInfo } from '../../shared/api.ts';
import { CommunePlan } from '../../shared/plans/plan.ts';
import { camelColumns, firstRow, insertedNew } from './rows.ts';

/**
 * Every SQL statement of the Worker: small functions with bound parameters and a row-to-domain
 * mapper each. `db` is env.DB behind the D1 limits guard (worker/db/d1-limits.ts).
 */

// ---- regions --------------------------------------------------------------------------------

interface RegionRow {
  id: string;
  name: string;
  level: string;
  province: string;
}

function toRegion(row: RegionRow): Region {
  return { id: row.id, name: row.name, level: RegionLevel.parse(row.level), province: row.province };
}

/** False when a region with that id already exists. */
export function insertRegion(db: D1Database, region: Region, now: string): Promise<boolean> {
  const sql = 'INSERT INTO regions (id, name, level, province, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';
  return insertedNew(db, sql, region.id, region.name, region.level, region.province, now);
}

export function findRegion(db: D1Database, id: string): Promise<Region | null> {
  return firstRow(db, toRegion, 'SELECT id, name, level, province FROM regions WHERE id = ?', id);
}

// ---- communes -------------------------------------------------------------------------------

interface CommuneRow {
  id: string;
  name: string;
  code: string;
  region_id: string;
}

function toCommune(row: CommuneRow): Commune {
  return { id: row.id, name: row.name, code: row.code, regionId: row.region_id };
}

/** False when a commune with that id already exists. The region must exist (foreign key). */
export function insertCommune(db: D1Database, commune: Commune, now: string): Promise<boolean> {
  const sql = 'INSERT INTO communes (id, name, code, region_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';
  return insertedNew(db, sql, commune.id, commune.name, commune.code, commune.regionId, now);
}

export function findCommune(db: D1Database, id: string): Promise<Commune | null> {
  return firstRow(db, toCommune, 'SELECT id, name, code, region_id FROM communes WHERE id = ?', id);
}

// ---- plans ----------------------------------------------------------------------------------

/** Stores or replaces the commune's plan for the year. The plan was validated by the caller. */
export async function upsertPlan(
  db: D1Database,
  communeId: string,
  year: number,
  plan: CommunePlan,
  now: string,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO plans (commune_id, year, body, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (commune_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    )
    .bind(communeId, year, JSON.stringify(plan), now)
    .run();
}

export function findPlan(db: D1Database, communeId: string, year: number): Promise<CommunePlan | null> {
  const toPlan = (row: { body: string }): CommunePlan => CommunePlan.parse(JSON.parse(row.body));
  return firstRow(db, toPlan, 'SELECT body FROM plans WHERE commune_id = ? AND year = ?', communeId, year);
}

// ---- tokens ---------------------------------------------------------------------------------

const TOKEN_COLUMNS = 'id, label, role, commune_id, region_id, demo, created_at, revoked_at';

interface TokenRow {
  id: string;
  label: string;
  role: string;
  commune_id: string | null;
  region_id: string | null;
  demo: number;
  created_at: string;
  revoked_at: string | null;
}

function toTokenInfo(row: TokenRow): TokenInfo {
  const columns = camelColumns(row, ['id', 'label', 'role', 'commune_id', 'region_id', 'demo', 'created_at', 'revoked_at']);
  return { ...columns, role: Role.parse(row.role), demo: row.demo === 1 };
}

export interface NewToken {
  info: TokenInfo;
  tokenHash: string;
}

export async function insertToken(db: D1Database, { info, tokenHash }: NewToken): Promise<void> {
  await db
    .prepare(
      `INSERT INTO tokens (id, label, role, commune_id, region_id, token_hash, demo, created_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      info.id,
      info.label,
      info.role,
      info.communeId,
      info.regionId,
      tokenHash,
      info.demo ? 1 : 0,
      info.createdAt,
      info.revokedAt,
    )
    .run();
}

/** A stored token with its hash, for authentication only: never sent to a client. */
export interface TokenRecord {
  info: TokenInfo;
  tokenHash: string;
}

/**
 * Looks a token up by its hash. Looking up by a SHA-256 leaks nothing useful through timing (the
 * caller cannot steer the digest); the caller still compares the digests in constant time.
 */
export function findTokenByHash(db: D1Database, tokenHash: string): Promise<TokenRecord | null> {
  const toRecord = (row: TokenRow & { token_hash: string }): TokenRecord => ({ info: toTokenInfo(row), tokenHash: row.token_hash });
  return firstRow(db, toRecord, `SELECT ${TOKEN_COLUMNS}, token_hash FROM tokens WHERE token_hash = ?`, tokenHash);
}

export async function listTokens(db: D1Database): Promise<TokenInfo[]> {
  const { results } = await db
    .prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id`)
    .all<TokenRow>();
  return results.map(toTokenInfo);
}

/** Marks the token revoked (keeping the first revocation time); null when there is no such token. */
export function revokeToken(db: D1Database, id: string, now: string): Promise<TokenInfo | null> {
  return firstRow(db, toTokenInfo, `UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING ${TOKEN_COLUMNS}`, now, id);
}
