import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { createClient } from '../../worker/client.ts';
import app from '../../worker/index.ts';
import { seedFixture, TOKENS } from './helpers.ts';

/** The typed client, wired straight to the app instead of the network. */
function clientFor(token: string) {
  return createClient('https://localhost:8787', token, {
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init), env)),
  });
}

describe('the typed client (hc<AppType>)', () => {
  it('gets the commune plan with typed query and response', async () => {
    await seedFixture();
    const response = await clientFor(TOKENS.commune).api.plan.$get({ query: { year: '2024' } });
    expect(response.status).toBe(200);
    if (response.ok) {
      const plan = await response.json();
      expect(plan.commune.id).toBe('xuan-hoa');
    }
  });

  it('creates a region and reads errors with the shared envelope schema', async () => {
    await seedFixture();
    const client = clientFor(TOKENS.admin);
    const created = await client.api.admin.regions.$post({
      json: { id: 'nhu-xuan', name: 'Như Xuân', level: 'district', province: 'Thanh Hoá' },
    });
    expect(created.status).toBe(201);
    const again = await client.api.admin.regions.$post({
      json: { id: 'nhu-xuan', name: 'Như Xuân', level: 'district', province: 'Thanh Hoá' },
    });
    expect(ErrorEnvelope.parse(await again.json()).error.code).toBe('REGION_EXISTS');
  });

  it('puts a plan through its path parameters', async () => {
    await seedFixture();
    const response = await clientFor(TOKENS.admin).api.admin.plans[':communeId'][':year'].$put({
      param: { communeId: 'xuan-hoa', year: '2024' },
      json: { ...XUAN_HOA_2024, totalHouseholds: 1901 },
    });
    expect(response.status).toBe(200);
    const plan = await clientFor(TOKENS.commune).api.plan.$get({ query: { year: '2024' } });
    expect(plan.ok && (await plan.json()).totalHouseholds).toBe(1901);
  });
});
