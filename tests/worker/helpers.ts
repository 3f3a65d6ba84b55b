import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, expect } from 'vitest';
import { ErrorEnvelope, type ErrorCode, type Role } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { clock } from '../../worker/clock.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { insertCommune, insertRegion, insertToken, upsertPlan } from '../../worker/db/queries.ts';
import app from '../../worker/index.ts';
import { insertSubmission } from '../../worker/db/submissions.ts';

/** The ADMIN_TOKEN binding set in vitest.config.ts. */
export const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';

export const NOW = '2024-05-01T00:00:00.000Z';

export interface CallOptions {
  token?: string;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is. */
  body?: string;
  headers?: Record<string, string>;
  /** Overrides of the bindings, e.g. { ENVIRONMENT: 'production' }. */
  env?: Partial<Env>;
}

/** One request through the app inside workerd, with the real local D1. */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, { ...env, ...options.env });
}

/** Asserts the status and the envelope's code; answers the envelope's `error` for closer checks. */
export async function expectError(response: Response, status: number, code: ErrorCode): Promise<ErrorEnvelope['error']> {
  const body = ErrorEnvelope.parse(await response.json());
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(body.error.message).not.toBe('');
  return body.error;
}

/** Plain tokens of the fixture, by who holds them. */
export const TOKENS = {
  commune: 'fixture-commune-xuan-hoa',
  otherCommune: 'fixture-commune-xuan-lai',
  district: 'fixture-district-tho-xuan',
  admin: 'fixture-admin',
} as const;

async function addToken(id: string, token: string, role: Role, scope: { communeId?: string; regionId?: string }): Promise<void> {
  await insertToken(env.DB, {
    info: {
      id,
      label: `Người thử ${id}`,
      role,
      communeId: scope.communeId ?? null,
      regionId: scope.regionId ?? null,
      demo: false,
      createdAt: NOW,
      revokedAt: null,
    },
    tokenHash: await sha256Hex(token),
  });
}

/**
 * A small world: Thọ Xuân (district) with Xuân Hoà (2024 plan) and Xuân Lai (no plan), a province
 * with no communes, and one token per role.
 */
export async function seedFixture(): Promise<void> {
  await insertRegion(env.DB, { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' }, NOW);
  await insertRegion(env.DB, { id: 'thanh-hoa', name: 'Thanh Hoá', level: 'province', province: 'Thanh Hoá' }, NOW);
  await insertCommune(env.DB, { id: 'xuan-hoa', name: 'Xuân Hoà', code: 'XH', regionId: 'tho-xuan' }, NOW);
  await insertCommune(env.DB, { id: 'xuan-lai', name: 'Xuân Lai', code: 'XL', regionId: 'tho-xuan' }, NOW);
  await upsertPlan(env.DB, 'xuan-hoa', 2024, XUAN_HOA_2024, NOW);
  await addToken('tok-commune', TOKENS.commune, 'commune', { communeId: 'xuan-hoa' });
  await addToken('tok-other-commune', TOKENS.otherCommune, 'commune', { communeId: 'xuan-lai' });
  await addToken('tok-district', TOKENS.district, 'district', { regionId: 'tho-xuan' });
  await addToken('tok-admin', TOKENS.admin, 'admin', {});
}

/** One stored submission of Xuân Hoà for 2024-Y, id "sub-fixture", with one tiny sheet. */
export async function seedSubmission(): Promise<void> {
  await insertSubmission(env.DB, {
    id: 'sub-fixture',
    communeId: 'xuan-hoa',
    period: '2024-Y',
    kinds: ['progress'],
    tokenId: 'tok-commune',
    submittedBy: 'Người thử tok-commune',
    receivedAt: '2024-12-01T00:00:00.000Z',
    late: false,
    deadline: '2024-12-10',
    checksum: '0'.repeat(64),
    rowCounts: { households: 0, beneficiaries: 0, progress: 0 },
    rulePack: 'mdp-2022',
    reportDate: '2024-12-31',
    warnings: [],
    parts: [['sheets', [JSON.stringify([{ grid: { name: 'Tiến độ', rows: [['STT']], merges: [] } }])]]],
    idempotency: null,
  });
}

/** Each test of the file on the small world (seedFixture), with the Worker's clock at `now`; the real clock after. */
export function onFixtureAt(now: string): void {
  beforeEach(async () => {
    await seedFixture();
    clock.now = () => new Date(now);
  });
  afterEach(() => {
    clock.now = () => new Date();
  });
}
