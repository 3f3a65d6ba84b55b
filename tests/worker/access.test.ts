import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import app from '../../worker/index.ts';
import { OPERATIONS } from '../../worker/openapi.ts';
import { inject } from 'vitest';
import { ADMIN_SECRET, call, expectError, seedFixture, seedSubmission, TOKENS } from './helpers.ts';

const progressSheet = inject('samples')['workbook-xuan-hoa-2024-clean']!.grids.filter((g) => g.name === 'Tien do');

interface RouteCase {
  /** The route as the app registers it. */
  route: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  json?: unknown;
  /** null: public. */
  allowed: readonly Role[] | null;
  success: number;
  /** Data the request needs beyond the fixture. */
  before?: () => Promise<void>;
}

/** Every route of the API, with a request that succeeds for an allowed caller. */
const ROUTES: readonly RouteCase[] = [
  { method: 'GET', route: '/api/health', url: '/api/health', allowed: null, success: 200 },
  { method: 'GET', route: '/api/openapi.json', url: '/api/openapi.json', allowed: null, success: 200 },
  { method: 'GET', route: '/api/me', url: '/api/me', allowed: ['commune', 'district', 'admin'], success: 200 },
  { method: 'GET', route: '/api/plan', url: '/api/plan?year=2024', allowed: ['commune'], success: 200 },
  {
    method: 'POST',
    route: '/api/submissions',
    url: '/api/submissions',
    json: { period: '2024-Q4', sheets: progressSheet.map((grid) => ({ grid })) },
    allowed: ['commune'],
    success: 201,
  },
  { method: 'GET', route: '/api/submissions', url: '/api/submissions?period=2024-Y', allowed: ['commune', 'district'], success: 200 },
  {
    method: 'GET',
    route: '/api/submissions/:id',
    url: '/api/submissions/sub-fixture',
    allowed: ['commune', 'district'],
    success: 200,
    before: seedSubmission,
  },
  { method: 'GET', route: '/api/status', url: '/api/status?period=2024-Y', allowed: ['district'], success: 200 },
  { method: 'GET', route: '/api/workbook', url: '/api/workbook?period=2024-Y', allowed: ['district'], success: 200 },
  { method: 'GET', route: '/api/reviews', url: '/api/reviews?period=2024-Y', allowed: ['commune', 'district', 'admin'], success: 200 },
  {
    method: 'POST',
    route: '/api/reviews/:communeId/:period/:action',
    url: '/api/reviews/xuan-hoa/2024-Y/accept',
    json: {},
    allowed: ['district', 'admin'],
    success: 200,
    before: seedSubmission,
  },
  {
    method: 'GET',
    route: '/api/reviews/:communeId/:period/audit',
    url: '/api/reviews/xuan-hoa/2024-Y/audit',
    allowed: ['district', 'admin'],
    success: 200,
  },
  { method: 'GET', route: '/api/district/summary', url: '/api/district/summary?period=2024-Y', allowed: ['district'], success: 200 },
  {
    method: 'POST',
    route: '/api/admin/regions',
    url: '/api/admin/regions',
    json: { id: 'nhu-thanh', name: 'Như Thanh', level: 'district', province: 'Thanh Hoá' },
    allowed: ['admin'],
    success: 201,
  },
  {
    method: 'PUT',
    route: '/api/admin/regions/:id/database',
    url: '/api/admin/regions/tho-xuan/database',
    json: { binding: 'DB' },
    allowed: ['admin'],
    success: 200,
  },
  {
    method: 'POST',
    route: '/api/admin/communes',
    url: '/api/admin/communes',
    json: { id: 'xuan-lap', name: 'Xuân Lập', code: 'XLP', regionId: 'tho-xuan' },
    allowed: ['admin'],
    success: 201,
  },
  {
    method: 'PUT',
    route: '/api/admin/plans/:communeId/:year',
    url: '/api/admin/plans/xuan-hoa/2024',
    json: XUAN_HOA_2024,
    allowed: ['admin'],
    success: 200,
  },
  { method: 'GET', route: '/api/admin/tokens', url: '/api/admin/tokens', allowed: ['admin'], success: 200 },
  {
    method: 'POST',
    route: '/api/admin/tokens',
    url: '/api/admin/tokens',
    json: { role: 'commune', label: 'Nguyễn Thị Lan', communeId: 'xuan-hoa' },
    allowed: ['admin'],
    success: 201,
  },
  {
    method: 'POST',
    route: '/api/admin/tokens/:id/revoke',
    url: '/api/admin/tokens/tok-other-commune/revoke',
    allowed: ['admin'],
    success: 200,
  },
];

interface Caller {
  name: string;
  token: string | undefined;
  role: Role | null;
}

const CALLERS: readonly Caller[] = [
  { name: 'no token', token: undefined, role: null },
  { name: 'commune', token: TOKENS.commune, role: 'commune' },
  { name: 'district', token: TOKENS.district, role: 'district' },
  { name: 'admin', token: TOKENS.admin, role: 'admin' },
  { name: 'ADMIN_TOKEN secret', token: ADMIN_SECRET, role: 'admin' },
];

const CASES = ROUTES.flatMap((route) =>
  CALLERS.map((caller) => {
    const expected =
      route.allowed === null
        ? route.success
        : caller.role === null
          ? 401
          : route.allowed.includes(caller.role)
            ? route.success
            : 403;
    return { ...route, caller, expected };
  }),
);

describe('role × route', () => {
  it.each(CASES)('$method $url by $caller.name → $expected', async ({ method, url, json, caller, expected, success, before }) => {
    await seedFixture();
    await before?.();
    const response = await call(method, url, {
      ...(caller.token === undefined ? {} : { token: caller.token }),
      ...(json === undefined ? {} : { json }),
    });
    if (expected === success) {
      expect(response.status).toBe(success);
    } else {
      await expectError(response, expected, expected === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
    }
  });

  it('covers every route the app registers, and the OpenAPI document lists the same routes', () => {
    const registered = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const tested = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    const documented = new Set(
      OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path.replaceAll(/\{(\w+)\}/g, ':$1')}`),
    );
    expect([...registered].sort()).toEqual([...tested].sort());
    expect([...documented].sort()).toEqual([...tested].sort());
  });

  it('documents the same roles as it enforces', () => {
    for (const route of ROUTES) {
      const op = OPERATIONS.find(
        (o) => o.method.toUpperCase() === route.method && o.path.replaceAll(/\{(\w+)\}/g, ':$1') === route.route,
      );
      expect({ route: route.route, roles: op?.roles }).toEqual({ route: route.route, roles: route.allowed });
    }
  });
});

describe('bearer tokens', () => {
  it.each([
    ['an unknown token', { Authorization: 'Bearer not-a-token' }],
    ['another scheme', { Authorization: `Basic ${TOKENS.admin}` }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
    ['a bearer with spaces inside', { Authorization: `Bearer ${TOKENS.admin} extra` }],
    ['an oversized token', { Authorization: `Bearer ${'x'.repeat(5000)}` }],
  ])('refuses %s with 401 and a Bearer challenge', async (_name, headers) => {
    await seedFixture();
    const response = await call('GET', '/api/me', { headers });
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="gnbv"');
    await expectError(response, 401, 'UNAUTHORIZED');
  });

  it('refuses an empty ADMIN_TOKEN secret instead of matching an empty bearer', async () => {
    await seedFixture();
    const response = await call('GET', '/api/admin/tokens', { headers: { Authorization: 'Bearer ' }, env: { ADMIN_TOKEN: '' } });
    await expectError(response, 401, 'UNAUTHORIZED');
  });

  it('checks the role before reading the body: a commune posting garbage to an admin route gets 403', async () => {
    await seedFixture();
    const response = await call('POST', '/api/admin/regions', {
      token: TOKENS.commune,
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    await expectError(response, 403, 'FORBIDDEN');
  });
});
