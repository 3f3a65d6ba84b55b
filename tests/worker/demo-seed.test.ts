import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MeResponse } from '../../shared/api.ts';
import { CommunePlan, XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { D1_MAX_SQL_BYTES } from '../../worker/db/d1-limits.ts';
import { DEMO_COMMUNES, demoSeedStatements } from '../../scripts/demo-data.ts';
import { call, expectError } from './helpers.ts';

/** Runs the very statements `npm start` seeds (scripts/seed-demo.ts writes them to a file for wrangler). */
async function seed(now: string): Promise<void> {
  for (const sql of await demoSeedStatements(now)) await env.DB.prepare(sql).run();
}

async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? -1;
}

describe('the demo seed', () => {
  it('is idempotent and restores a revoked demo token', async () => {
    await seed('2024-01-01T00:00:00.000Z');
    await call('POST', '/api/admin/tokens/demo-token-xuan-hoa/revoke', { token: 'demo-admin' });
    await seed('2024-02-01T00:00:00.000Z');
    expect({
      regions: await count('regions'),
      communes: await count('communes'),
      plans: await count('plans'),
      tokens: await count('tokens'),
    }).toEqual({ regions: 1, communes: 4, plans: 4, tokens: 3 });
    expect((await call('GET', '/api/me', { token: 'demo-xuan-hoa' })).status).toBe(200);
  });

  it('answers the README\'s curl: demo-tho-xuan is the Thọ Xuân district officer', async () => {
    await seed('2024-01-01T00:00:00.000Z');
    const response = await call('GET', '/api/me', { token: 'demo-tho-xuan' });
    expect(MeResponse.parse(await response.json())).toEqual({
      role: 'district',
      label: 'Cán bộ huyện Thọ Xuân (demo)',
      commune: null,
      region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' },
    });
  });

  it('gives Xuân Hoà the reference plan and each clone its own commune and villages', async () => {
    await seed('2024-01-01T00:00:00.000Z');
    const plan = await call('GET', '/api/plan?year=2024', { token: 'demo-xuan-hoa' });
    expect(await plan.json()).toEqual(XUAN_HOA_2024);

    expect(DEMO_COMMUNES.map(({ commune, plan: p }) => [commune.id, p.id, p.commune.id, p.commune.name, p.villages.length])).toEqual([
      ['xuan-hoa', 'xuan-hoa-2024', 'xuan-hoa', 'Xuân Hoà', 7],
      ['xuan-lai', 'xuan-lai-2024', 'xuan-lai', 'Xuân Lai', 9],
      ['xuan-lap', 'xuan-lap-2024', 'xuan-lap', 'Xuân Lập', 11],
      ['tho-lap', 'tho-lap-2024', 'tho-lap', 'Thọ Lập', 8],
    ]);
    for (const { plan: p } of DEMO_COMMUNES) expect(CommunePlan.parse(p)).toEqual(p);
  });

  it('keeps every statement within D1\'s statement size', async () => {
    for (const sql of await demoSeedStatements('2024-01-01T00:00:00.000Z')) {
      expect(new TextEncoder().encode(sql).byteLength).toBeLessThan(D1_MAX_SQL_BYTES);
    }
  });

  it('seeds tokens that production refuses', async () => {
    await seed('2024-01-01T00:00:00.000Z');
    for (const token of ['demo-xuan-hoa', 'demo-tho-xuan', 'demo-admin']) {
      await expectError(await call('GET', '/api/me', { token, env: { ENVIRONMENT: 'production' } }), 401, 'UNAUTHORIZED');
    }
  });
});
