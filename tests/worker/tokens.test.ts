import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CreateTokenResponse, MeResponse, TokenInfo, TokenListResponse } from '../../shared/api.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { ADMIN_SECRET, call, expectError, seedFixture, TOKENS } from './helpers.ts';

async function createToken(json: unknown): Promise<CreateTokenResponse> {
  const response = await call('POST', '/api/admin/tokens', { token: TOKENS.admin, json });
  expect(response.status).toBe(201);
  return CreateTokenResponse.parse(await response.json());
}

describe('admin tokens', () => {
  it('answers the plain token once and stores only its SHA-256', async () => {
    await seedFixture();
    const { token, info } = await createToken({ role: 'district', label: 'Lê Văn Bình', regionId: 'tho-xuan' });

    expect(token).toMatch(/^gnbv_[A-Za-z0-9_-]{43}$/);
    expect({ ...info, id: 'x', createdAt: 'x' }).toEqual({
      id: 'x',
      label: 'Lê Văn Bình',
      role: 'district',
      communeId: null,
      regionId: 'tho-xuan',
      demo: false,
      createdAt: 'x',
      revokedAt: null,
    });
    const row = await env.DB.prepare('SELECT token_hash FROM tokens WHERE id = ?').bind(info.id).first<{ token_hash: string }>();
    expect(row).toEqual({ token_hash: await sha256Hex(token) });

    const list = await call('GET', '/api/admin/tokens', { token: TOKENS.admin });
    const text = await list.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(await sha256Hex(token));
    expect(text).not.toMatch(/hash/i);
    const { tokens } = TokenListResponse.parse(JSON.parse(text));
    expect(tokens.map((t) => t.id)).toContain(info.id);
  });

  it('lets the new token in with its role and scope', async () => {
    await seedFixture();
    const { token } = await createToken({ role: 'commune', label: 'Trần Thị Hoa', communeId: 'xuan-lai' });
    const response = await call('GET', '/api/me', { token });
    expect(response.status).toBe(200);
    expect(MeResponse.parse(await response.json())).toEqual({
      role: 'commune',
      label: 'Trần Thị Hoa',
      commune: { id: 'xuan-lai', name: 'Xuân Lai', code: 'XL', regionId: 'tho-xuan' },
      region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' },
    });
  });

  it('refuses a revoked token on the very next request', async () => {
    await seedFixture();
    const { token, info } = await createToken({ role: 'commune', label: 'Phạm Văn Cường', communeId: 'xuan-hoa' });
    expect((await call('GET', '/api/me', { token })).status).toBe(200);

    const revoke = await call('POST', `/api/admin/tokens/${info.id}/revoke`, { token: TOKENS.admin });
    expect(revoke.status).toBe(200);
    const revoked = TokenInfo.parse(await revoke.json());
    expect(revoked.revokedAt).not.toBeNull();

    await expectError(await call('GET', '/api/me', { token }), 401, 'UNAUTHORIZED');
    await expectError(await call('GET', '/api/plan?year=2024', { token }), 401, 'UNAUTHORIZED');
  });

  it('keeps the first revocation time when a token is revoked twice', async () => {
    await seedFixture();
    const first = TokenInfo.parse(await (await call('POST', '/api/admin/tokens/tok-district/revoke', { token: TOKENS.admin })).json());
    const second = await call('POST', '/api/admin/tokens/tok-district/revoke', { token: TOKENS.admin });
    expect(second.status).toBe(200);
    expect(TokenInfo.parse(await second.json()).revokedAt).toBe(first.revokedAt);
  });

  it('answers 404 for revoking an unknown token', async () => {
    await seedFixture();
    await expectError(await call('POST', '/api/admin/tokens/tok-nope/revoke', { token: TOKENS.admin }), 404, 'TOKEN_NOT_FOUND');
  });

  it.each([
    [{ role: 'commune', label: 'A', communeId: 'khong-co' }, 'UNKNOWN_COMMUNE', ['communeId']],
    [{ role: 'district', label: 'A', regionId: 'khong-co' }, 'UNKNOWN_REGION', ['regionId']],
  ] as const)('refuses a token for a scope that does not exist: %o', async (json, code, path) => {
    await seedFixture();
    const error = await expectError(await call('POST', '/api/admin/tokens', { token: TOKENS.admin, json }), 422, code);
    expect(error.issues?.map((i) => i.path)).toEqual([path]);
  });

  it.each([
    [{ role: 'commune', label: 'A' }, 'communeId'],
    [{ role: 'admin', label: 'A', communeId: 'xuan-hoa' }, ''],
    [{ role: 'root', label: 'A' }, 'role'],
    [{ role: 'admin', label: '' }, 'label'],
  ])('refuses a malformed token request %o with 400', async (json, field) => {
    await seedFixture();
    const error = await expectError(await call('POST', '/api/admin/tokens', { token: TOKENS.admin, json }), 400, 'INVALID_REQUEST');
    expect(error.issues?.some((i) => i.path.join('.') === field || (field === '' && i.code === 'unrecognized_keys'))).toBe(true);
  });

  it('accepts the ADMIN_TOKEN secret as an admin that is not a row', async () => {
    await seedFixture();
    const response = await call('GET', '/api/me', { token: ADMIN_SECRET });
    expect(await response.json()).toEqual({ role: 'admin', label: 'ADMIN_TOKEN', commune: null, region: null });
  });
});

describe('demo tokens', () => {
  async function seedDemoToken(): Promise<void> {
    await seedFixture();
    await env.DB.prepare(
      `INSERT INTO tokens (id, label, role, commune_id, region_id, token_hash, demo, created_at)
       VALUES ('tok-demo', 'Demo', 'district', NULL, 'tho-xuan', ?, 1, '2024-01-01T00:00:00.000Z')`,
    )
      .bind(await sha256Hex('demo-tho-xuan'))
      .run();
  }

  it('are accepted in development', async () => {
    await seedDemoToken();
    expect((await call('GET', '/api/me', { token: 'demo-tho-xuan' })).status).toBe(200);
  });

  it('are refused where ENVIRONMENT is production, while real tokens still work', async () => {
    await seedDemoToken();
    const production = { ENVIRONMENT: 'production' } as const;
    await expectError(await call('GET', '/api/me', { token: 'demo-tho-xuan', env: production }), 401, 'UNAUTHORIZED');
    expect((await call('GET', '/api/me', { token: TOKENS.district, env: production })).status).toBe(200);
  });
});
