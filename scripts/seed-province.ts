import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Commune, Region } from '../shared/api.ts';
import { CommunePlan, XUAN_HOA_2024 } from '../shared/plans/index.ts';
import { sha256Hex } from '../shared/request-body.ts';
import { values } from './demo-data.ts';
import { applyMigrations, executeStatements } from './local-worker.ts';

/**
 * A test province for the fault test, the restore drill and the load script: one province-level
 * region with N communes (default 200), each with a 2024 plan (a clone of Xuân Hoà's, so the
 * sample and generated workbooks check clean against it) and its own commune token, plus one
 * province token (role district). LOCAL ONLY: every token is flagged `demo`, which production
 * refuses. Pure (Web Crypto only); each statement an upsert, so seeding twice changes nothing.
 *
 *   npm run seed:province -- --communes 200 [--persist DIR]     (migrates first)
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

/** The seed as SQL statements (upserts). */
export async function provinceSeedStatements(count: number, now: string): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1 || count > 999) throw new Error(`communes must be 1…999, not ${count}`);
  const statements = [
    `INSERT INTO regions (id, name, level, province, created_at) VALUES ${values(PROVINCE.id, PROVINCE.name, PROVINCE.level, PROVINCE.province, now)}
ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, province = excluded.province;`,
    tokenStatement('province-token-tinh-thu', 'Cán bộ tỉnh Thử (thử)', 'district', null, PROVINCE.id, await sha256Hex(PROVINCE_TOKEN), now),
  ];
  for (const { commune, token } of provinceCommunes(count)) {
    const plan = planOf(commune);
    statements.push(
      `INSERT INTO communes (id, name, code, region_id, created_at) VALUES ${values(commune.id, commune.name, commune.code, commune.regionId, now)}
ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, region_id = excluded.region_id;`,
      `INSERT INTO plans (commune_id, year, body, updated_at) VALUES ${values(commune.id, plan.year, JSON.stringify(plan), now)}
ON CONFLICT (commune_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at;`,
      tokenStatement(`province-token-${commune.id}`, `Cán bộ ${commune.name} (thử)`, 'commune', commune.id, null, await sha256Hex(token), now),
    );
  }
  return statements;
}

/** Migrates and seeds the local D1 (wrangler's default state, or `persistDir`). */
export async function seedProvince(count = DEFAULT_COMMUNES, persistDir?: string): Promise<void> {
  await applyMigrations(persistDir);
  await executeStatements(persistDir, await provinceSeedStatements(count, new Date().toISOString()));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values: args } = parseArgs({ options: { communes: { type: 'string' }, persist: { type: 'string' } } });
  const count = Number(args.communes ?? DEFAULT_COMMUNES);
  await seedProvince(count, args.persist);
  console.log(`gnbv: ${PROVINCE.name} seeded with ${count} communes (tokens province-xa-001…; province token ${PROVINCE_TOKEN})`);
}
