import { describe, expect, it } from 'vitest';
import { XUAN_HOA_2024, type CommunePlan } from '../../shared/plans/index.ts';
import { call, expectError, seedFixture, TOKENS } from './helpers.ts';

function xuanLaiPlan(year = 2024): CommunePlan {
  return {
    ...structuredClone(XUAN_HOA_2024),
    id: `xuan-lai-${year}`,
    year,
    commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai', code: 'XL' },
    villages: ['Thôn 1', 'Thôn 2', 'Thôn 3'],
  };
}

describe('plans', () => {
  it('round-trips: PUT by an admin, then GET /api/plan by the commune', async () => {
    await seedFixture();
    const plan = xuanLaiPlan();
    const put = await call('PUT', '/api/admin/plans/xuan-lai/2024', { token: TOKENS.admin, json: plan });
    expect(put.status).toBe(200);
    const stored = (await put.json()) as { communeId: string; year: number; updatedAt: string };
    expect({ ...stored, updatedAt: typeof stored.updatedAt }).toEqual({ communeId: 'xuan-lai', year: 2024, updatedAt: 'string' });

    const get = await call('GET', '/api/plan?year=2024', { token: TOKENS.otherCommune });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual(plan);
  });

  it('replaces the plan on a second PUT', async () => {
    await seedFixture();
    const changed = { ...structuredClone(XUAN_HOA_2024), totalHouseholds: 1900 };
    expect((await call('PUT', '/api/admin/plans/xuan-hoa/2024', { token: TOKENS.admin, json: changed })).status).toBe(200);
    const get = await call('GET', '/api/plan?year=2024', { token: TOKENS.commune });
    expect(((await get.json()) as CommunePlan).totalHouseholds).toBe(1900);
  });

  it('gives each commune its own plan', async () => {
    await seedFixture();
    await call('PUT', '/api/admin/plans/xuan-lai/2024', { token: TOKENS.admin, json: xuanLaiPlan() });
    const own = await call('GET', '/api/plan?year=2024', { token: TOKENS.commune });
    expect(((await own.json()) as CommunePlan).commune.id).toBe('xuan-hoa');
  });

  it('answers 404 PLAN_NOT_FOUND for a year without a plan', async () => {
    await seedFixture();
    const error = await expectError(await call('GET', '/api/plan?year=2025', { token: TOKENS.commune }), 404, 'PLAN_NOT_FOUND');
    expect(error.message).toContain('2025');
  });

  it.each([
    ['/api/plan', 'year'],
    ['/api/plan?year=24', 'year'],
    ['/api/plan?year=abcd', 'year'],
    ['/api/plan?year=1999', 'year'],
    ['/api/plan?year=2024&year=2025', 'year'],
    ['/api/plan?year=2024&kind=x', ''],
  ])('answers 400 naming the field for %s', async (url, field) => {
    await seedFixture();
    const error = await expectError(await call('GET', url, { token: TOKENS.commune }), 400, 'INVALID_REQUEST');
    expect(error.issues?.some((i) => i.path.join('.') === field)).toBe(true);
    if (field !== '') expect(error.message).toContain(`"${field}"`);
  });

  it('refuses an invalid plan with 422 and the zod issue paths', async () => {
    await seedFixture();
    const invalid = { ...structuredClone(XUAN_HOA_2024), villages: [], totalHouseholds: 'many', deadlines: { ...XUAN_HOA_2024.deadlines, Q1: '15/03' } };
    const error = await expectError(await call('PUT', '/api/admin/plans/xuan-hoa/2024', { token: TOKENS.admin, json: invalid }), 422, 'INVALID_PLAN');
    expect(error.issues?.map((i) => i.path).sort()).toEqual([['deadlines', 'Q1'], ['totalHouseholds'], ['villages']]);
    expect(error.message).toContain('"villages"');
  });

  it('refuses a plan whose commune or year differs from the URL with 422', async () => {
    await seedFixture();
    const error = await expectError(
      await call('PUT', '/api/admin/plans/xuan-lai/2025', { token: TOKENS.admin, json: XUAN_HOA_2024 }),
      422,
      'INVALID_PLAN',
    );
    expect(error.issues?.map((i) => i.path)).toEqual([['commune', 'id'], ['year']]);
  });

  it('answers 404 for a plan of an unknown commune and 400 for a bad path', async () => {
    await seedFixture();
    const plan = { ...xuanLaiPlan(), commune: { ...xuanLaiPlan().commune, id: 'khong-co' } };
    await expectError(await call('PUT', '/api/admin/plans/khong-co/2024', { token: TOKENS.admin, json: plan }), 404, 'COMMUNE_NOT_FOUND');
    const error = await expectError(await call('PUT', '/api/admin/plans/Xuan%20Hoa/20x4', { token: TOKENS.admin, json: XUAN_HOA_2024 }), 400, 'INVALID_REQUEST');
    expect(error.issues?.map((i) => i.path)).toEqual([['communeId'], ['year']]);
  });
});
