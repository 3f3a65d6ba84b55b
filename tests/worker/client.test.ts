import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { ErrorEnvelope, SubmissionReceipt } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { createClient } from '../../worker/client.ts';
import app from '../../worker/index.ts';
import { clock } from '../../worker/clock.ts';
import { seedFixture, TOKENS } from './helpers.ts';

const clean = inject('samples')['workbook-xuan-hoa-2024-clean']!;

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

  it('submits a workbook with a typed json body, and gzip bytes through init', async () => {
    await seedFixture();
    clock.now = () => new Date('2024-12-05T03:00:00Z');
    try {
      const client = clientFor(TOKENS.commune);
      const request = { period: '2024-Y', sheets: clean.grids.map((grid) => ({ grid })) };
      const typed = await client.api.submissions.$post({ json: request });
      expect(typed.status).toBe(201);
      expect(SubmissionReceipt.parse(await typed.json()).version).toBe(1);

      const gzip = await new Response(new Blob([JSON.stringify(request)]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
      const headers = { Authorization: `Bearer ${TOKENS.commune}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
      const raw = await client.api.submissions.$post(undefined, { init: { headers, body: gzip } });
      expect(raw.status).toBe(201);
      expect(SubmissionReceipt.parse(await raw.json()).version).toBe(2);
    } finally {
      clock.now = () => new Date();
    }
  });
});

/** Never run: what the typed client refuses to compile. */
function refusedByTheTypes(client: ReturnType<typeof clientFor>): void {
  // @ts-expect-error a submission's period is a string such as '2024-Y'
  void client.api.submissions.$post({ json: { period: 2024, sheets: [] } });
  // @ts-expect-error a sheet carries its grid
  void client.api.submissions.$post({ json: { period: '2024-Y', sheets: [{ name: 'Hộ' }] } });
}
