import { describe, expect, it } from 'vitest';
import { call, expectError, seedFixture, TOKENS } from './helpers.ts';

describe('regions and communes', () => {
  it('creates a province-level region (the unit after the 2025 reorganisation) and a commune in it', async () => {
    await seedFixture();
    const region = { id: 'nghe-an', name: 'Nghệ An', level: 'province', province: 'Nghệ An' };
    const created = await call('POST', '/api/admin/regions', { token: TOKENS.admin, json: region });
    expect({ status: created.status, body: await created.json() }).toEqual({ status: 201, body: region });

    const commune = { id: 'hung-nguyen', name: 'Hưng Nguyên', code: '17000', regionId: 'nghe-an' };
    const made = await call('POST', '/api/admin/communes', { token: TOKENS.admin, json: commune });
    expect({ status: made.status, body: await made.json() }).toEqual({ status: 201, body: commune });
  });

  it('answers 409 for an id that exists', async () => {
    await seedFixture();
    const region = { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' };
    await expectError(await call('POST', '/api/admin/regions', { token: TOKENS.admin, json: region }), 409, 'REGION_EXISTS');
    const commune = { id: 'xuan-hoa', name: 'Xuân Hoà', code: 'XH', regionId: 'tho-xuan' };
    await expectError(await call('POST', '/api/admin/communes', { token: TOKENS.admin, json: commune }), 409, 'COMMUNE_EXISTS');
  });

  it('answers 422 for a commune in an unknown region', async () => {
    await seedFixture();
    const commune = { id: 'xuan-lap', name: 'Xuân Lập', code: 'XLP', regionId: 'khong-co' };
    const error = await expectError(await call('POST', '/api/admin/communes', { token: TOKENS.admin, json: commune }), 422, 'UNKNOWN_REGION');
    expect(error.issues?.map((i) => i.path)).toEqual([['regionId']]);
  });

  it.each([
    [{ id: 'Tho Xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' }, ['id']],
    [{ id: 'tho-xuan-2', name: 'Thọ Xuân', level: 'county', province: 'Thanh Hoá' }, ['level']],
    [{ id: 'tho-xuan-2', name: 42, level: 'district', province: 'Thanh Hoá' }, ['name']],
    [{ id: 'tho-xuan-2', name: 'Thọ Xuân', level: 'district' }, ['province']],
  ])('answers 400 naming the field for region %o', async (json, path) => {
    await seedFixture();
    const error = await expectError(await call('POST', '/api/admin/regions', { token: TOKENS.admin, json }), 400, 'INVALID_REQUEST');
    expect(error.issues?.map((i) => i.path)).toEqual([path]);
    expect(error.message).toContain(`"${path.join('.')}"`);
  });
});

describe('GET /api/me', () => {
  it.each([
    [
      TOKENS.commune,
      {
        role: 'commune',
        label: 'Người thử tok-commune',
        commune: { id: 'xuan-hoa', name: 'Xuân Hoà', code: 'XH', regionId: 'tho-xuan' },
        region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' },
      },
    ],
    [
      TOKENS.district,
      {
        role: 'district',
        label: 'Người thử tok-district',
        commune: null,
        region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district', province: 'Thanh Hoá' },
      },
    ],
    [TOKENS.admin, { role: 'admin', label: 'Người thử tok-admin', commune: null, region: null }],
  ])('answers who %s is', async (token, expected) => {
    await seedFixture();
    const response = await call('GET', '/api/me', { token });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: expected });
  });
});
