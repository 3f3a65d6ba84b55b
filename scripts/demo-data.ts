import type { Commune, Region, Role } from '../shared/api.ts';
import { CommunePlan, XUAN_HOA_2024 } from '../shared/plans/index.ts';
import { sha256Hex } from '../shared/request-body.ts';

/**
 * The local demo: Thọ Xuân district with Xuân Hoà (the reference plan) and three communes whose
 * plans are clones of it, plus one token per role. Pure (Web Crypto only), so the tests run the
 * very statements `npm start` seeds. Demo tokens are flagged `demo` and refused in production.
 */

export const DEMO_REGION: Region = { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' };

interface DemoCommune {
  commune: Commune;
  villages: string[];
  totalHouseholds: number;
}

function numberedVillages(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Thôn ${i + 1}`);
}

const CLONES: readonly DemoCommune[] = [
  { commune: { id: 'xuan-lai', name: 'Xuân Lai', code: 'XL', regionId: DEMO_REGION.id }, villages: numberedVillages(9), totalHouseholds: 2130 },
  { commune: { id: 'xuan-lap', name: 'Xuân Lập', code: 'XLP', regionId: DEMO_REGION.id }, villages: numberedVillages(11), totalHouseholds: 2475 },
  { commune: { id: 'tho-lap', name: 'Thọ Lập', code: 'TL', regionId: DEMO_REGION.id }, villages: numberedVillages(8), totalHouseholds: 1620 },
];

function clonePlan({ commune, villages, totalHouseholds }: DemoCommune): CommunePlan {
  return CommunePlan.parse({
    ...structuredClone(XUAN_HOA_2024),
    id: `${commune.id}-${XUAN_HOA_2024.year}`,
    commune: { ...XUAN_HOA_2024.commune, id: commune.id, name: commune.name, code: commune.code },
    villages,
    totalHouseholds,
    source: `Dữ liệu mẫu: sao từ kế hoạch xã Xuân Hoà ${XUAN_HOA_2024.year} (demo clone of the Xuân Hoà plan)`,
  });
}

export const DEMO_COMMUNES: readonly { commune: Commune; plan: CommunePlan }[] = [
  {
    commune: {
      id: XUAN_HOA_2024.commune.id,
      name: XUAN_HOA_2024.commune.name,
      code: XUAN_HOA_2024.commune.code,
      regionId: DEMO_REGION.id,
    },
    plan: XUAN_HOA_2024,
  },
  ...CLONES.map((clone) => ({ commune: clone.commune, plan: clonePlan(clone) })),
];

export interface DemoToken {
  id: string;
  /** The bearer value, published in the README: local use only. */
  token: string;
  label: string;
  role: Role;
  communeId: string | null;
  regionId: string | null;
}

export const DEMO_TOKENS: readonly DemoToken[] = [
  { id: 'demo-token-xuan-hoa', token: 'demo-xuan-hoa', label: 'Cán bộ xã Xuân Hoà (demo)', role: 'commune', communeId: 'xuan-hoa', regionId: null },
  { id: 'demo-token-tho-xuan', token: 'demo-tho-xuan', label: 'Cán bộ huyện Thọ Xuân (demo)', role: 'district', communeId: null, regionId: DEMO_REGION.id },
  { id: 'demo-token-admin', token: 'demo-admin', label: 'Quản trị (demo)', role: 'admin', communeId: null, regionId: null },
];

function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** One row of an INSERT's VALUES, as SQL literals. */
export function values(...items: (string | number | null)[]): string {
  return `(${items.map(literal).join(', ')})`;
}

export function regionStatement(region: Region, now: string): string {
  return `INSERT INTO regions (id, name, level, province, created_at) VALUES ${values(region.id, region.name, region.level, region.province, now)}
ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, province = excluded.province;`;
}

export function communeStatement(commune: Commune, now: string): string {
  return `INSERT INTO communes (id, name, code, region_id, created_at) VALUES ${values(commune.id, commune.name, commune.code, commune.regionId, now)}
ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, region_id = excluded.region_id;`;
}

export function planStatement(communeId: string, plan: CommunePlan, now: string): string {
  return `INSERT INTO plans (commune_id, year, body, updated_at) VALUES ${values(communeId, plan.year, JSON.stringify(plan), now)}
ON CONFLICT (commune_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at;`;
}

/**
 * The directory's row sending a region's data to a regional database (worker/db/directory.ts) —
 * unless the region already has submissions in DB (a local state from before regional databases):
 * then it stays in DB, where its reports are.
 */
export function regionDatabaseStatement(regionId: string, binding: string, now: string): string {
  return `INSERT INTO region_databases (region_id, binding, assigned_at) SELECT ${values(regionId, binding, now).slice(1, -1)}
WHERE NOT EXISTS (SELECT 1 FROM submissions s JOIN communes c ON c.id = s.commune_id WHERE c.region_id = ${values(regionId).slice(1, -1)})
ON CONFLICT (region_id) DO NOTHING;`;
}

async function demoTokenStatements(now: string): Promise<string[]> {
  const statements: string[] = [];
  for (const token of DEMO_TOKENS) {
    statements.push(
      `INSERT INTO tokens (id, label, role, commune_id, region_id, token_hash, demo, created_at, revoked_at) VALUES ${values(token.id, token.label, token.role, token.communeId, token.regionId, await sha256Hex(token.token), 1, now, null)}
ON CONFLICT (id) DO UPDATE SET label = excluded.label, role = excluded.role, commune_id = excluded.commune_id, region_id = excluded.region_id, token_hash = excluded.token_hash, demo = 1, revoked_at = NULL;`,
    );
  }
  return statements;
}

/**
 * The seed as SQL statements, one per row, each an upsert: running them again restores the demo
 * (a revoked demo token is un-revoked) without duplicating anything. Everything in one database
 * (DB), as a one-database deploy holds it.
 */
export async function demoSeedStatements(now: string): Promise<string[]> {
  const statements = [regionStatement(DEMO_REGION, now)];
  for (const { commune, plan } of DEMO_COMMUNES) statements.push(communeStatement(commune, now), planStatement(commune.id, plan, now));
  return [...statements, ...(await demoTokenStatements(now))];
}

/** The binding `npm start` keeps Thọ Xuân's data in (wrangler.toml). */
export const DEMO_REGION_BINDING = 'DB_R1';

/**
 * The same demo with Thọ Xuân's data in its own database (`npm run seed:demo`, `npm start`): the
 * directory (region, communes, tokens, which database) in DB; the region's copy of its row and
 * communes, and its plans, in `binding`.
 */
export async function demoSeedByDatabase(now: string, binding: string = DEMO_REGION_BINDING): Promise<Record<string, string[]>> {
  const communes = DEMO_COMMUNES.map(({ commune }) => communeStatement(commune, now));
  return {
    DB: [regionStatement(DEMO_REGION, now), ...communes, ...(await demoTokenStatements(now)), regionDatabaseStatement(DEMO_REGION.id, binding, now)],
    [binding]: [regionStatement(DEMO_REGION, now), ...communes, ...DEMO_COMMUNES.map(({ commune, plan }) => planStatement(commune.id, plan, now))],
  };
}
