import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Commune, Region } from '../shared/api.ts';
import { CommunePlan, XUAN_HOA_2024 } from '../shared/plans/index.ts';
import { sha256Hex } from '../shared/request-body.ts';
import { communeStatement, planStatement, regionDatabaseStatement, regionStatement, values } from './demo-data.ts';
import { applyMigrations, executeSeed } from './local-worker.ts';

/**
 * A test province for the fault test, the restore drill and the load script: one province-level
 * region with N communes (default 200), each with a 2024 plan (a clone of Xuân Hoà's, so the
 * sample and generated workbooks check clean against it) and its own commune token, plus one
 * province token (role district). LOCAL ONLY: every token is flagged `demo`, which production
 * refuses. Pure (Web Crypto only); each statement an upsert, so seeding twice changes nothing.
 *
 *   npm run seed:province -- --communes 200 [--persist DIR] [--binding DB_R2|DB]     (migrates first)
 *
 * The command line puts the province's data in its own database (DB_R2 unless --binding names
 * another; DB: everything in one database); provinceSeedStatements() is the one-database seed.
 */

export const PROVINCE: Region = { id: 'tinh-thu', name: 'Tỉnh Thử', level: 'province', province: 'Tỉnh Thử' };
export const PROVINCE_TOKEN = 'province-tinh-thu';
export const DEFAULT_COMMUNES = 200;

export interface SeededCommune {
  commune: Commune;
  /** Its commune officer's bearer token (local use only). */
  token: string;
}

/** Commune i (1-based) of the province: xa-001, "Xã Thử 001". */
export function provinceCommune(i: number): SeededCommune {
  const n = String(i).padStart(3, '0');
  return {
    commune: { id: `xa-${n}`, name: `Xã Thử ${n}`, code: `XT${n}`, regionId: PROVINCE.id },
    token: `province-xa-${n}`,
  };
}

export function provinceCommunes(count: number): SeededCommune[] {
  return Array.from({ length: count }, (_, i) => provinceCommune(i + 1));
}

function planOf(commune: Commune): CommunePlan {
  return CommunePlan.parse({
    ...structuredClone(XUAN_HOA_2024),
    id: `${commune.id}-${XUAN_HOA_2024.year}`,
    commune: { ...XUAN_HOA_2024.commune, id: commune.id, name: commune.name, code: commune.code },
    source: `Dữ liệu thử: sao từ kế hoạch xã Xuân Hoà ${XUAN_HOA_2024.year} (test clone of the Xuân Hoà plan)`,
  });
}

function tokenStatement(id: string, label: string, role: 'commune' | 'district', communeId: string | null, regionId: string | null, hash: string, now: string): string {
  return `INSERT INTO tokens (id, label, role, commune_id, region_id, token_hash, demo, created_at, revoked_at) VALUES ${values(id, label, role, communeId, regionId, hash, 1, now, null)}
ON CONFLICT (id) DO UPDATE SET label = excluded.label, role = excluded.role, commune_id = excluded.commune_id, region_id = excluded.region_id, token_hash = excluded.token_hash, demo = 1, revoked_at = NULL;`;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > 999) throw new Error(`communes must be 1…999, not ${count}`);
}

/** The seed as SQL statements (upserts), everything in one database (DB). */
export async function provinceSeedStatements(count: number, now: string): Promise<string[]> {
  checkCount(count);
  const statements = [
    regionStatement(PROVINCE, now),
    tokenStatement('province-token-tinh-thu', 'Cán bộ tỉnh Thử (thử)', 'district', null, PROVINCE.id, await sha256Hex(PROVINCE_TOKEN), now),
  ];
  for (const { commune, token } of provinceCommunes(count)) {
    statements.push(
      communeStatement(commune, now),
      planStatement(commune.id, planOf(commune), now),
      tokenStatement(`province-token-${commune.id}`, `Cán bộ ${commune.name} (thử)`, 'commune', commune.id, null, await sha256Hex(token), now),
    );
  }
  return statements;
}

/** The binding the command line keeps the province's data in (wrangler.toml). */
export const PROVINCE_BINDING = 'DB_R2';

/**
 * The same province with its data in its own database: the directory (region, communes, tokens,
 * which database) in DB; the region's copy of its row and communes, and its plans, in `binding`.
 */
export async function provinceSeedByDatabase(count: number, now: string, binding: string = PROVINCE_BINDING): Promise<Record<string, string[]>> {
  if (binding === 'DB') return { DB: await provinceSeedStatements(count, now) };
  checkCount(count);
  const directory = [
    regionStatement(PROVINCE, now),
    tokenStatement('province-token-tinh-thu', 'Cán bộ tỉnh Thử (thử)', 'district', null, PROVINCE.id, await sha256Hex(PROVINCE_TOKEN), now),
  ];
  const regional = [regionStatement(PROVINCE, now)];
  for (const { commune, token } of provinceCommunes(count)) {
    directory.push(
      communeStatement(commune, now),
      tokenStatement(`province-token-${commune.id}`, `Cán bộ ${commune.name} (thử)`, 'commune', commune.id, null, await sha256Hex(token), now),
    );
    regional.push(communeStatement(commune, now), planStatement(commune.id, planOf(commune), now));
  }
  directory.push(regionDatabaseStatement(PROVINCE.id, binding, now));
  return { DB: directory, [binding]: regional };
}

/** Migrates every local D1 and seeds them (wrangler's default state, or `persistDir`). */
export async function seedProvince(count = DEFAULT_COMMUNES, persistDir?: string, binding: string = PROVINCE_BINDING): Promise<void> {
  await applyMigrations(persistDir);
  await executeSeed(persistDir, await provinceSeedByDatabase(count, new Date().toISOString(), binding));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values: args } = parseArgs({ options: { communes: { type: 'string' }, persist: { type: 'string' }, binding: { type: 'string' } } });
  const count = Number(args.communes ?? DEFAULT_COMMUNES);
  const binding = args.binding ?? PROVINCE_BINDING;
  await seedProvince(count, args.persist, binding);
  console.log(`gnbv: ${PROVINCE.name} seeded with ${count} communes in ${binding} (tokens province-xa-001…; province token ${PROVINCE_TOKEN})`);
}
