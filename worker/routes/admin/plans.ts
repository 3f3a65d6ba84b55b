import { Hono } from 'hono';
import { PlanParams, PutPlanRequest, type ApiIssue, type PutPlanResponse } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import { findCommune, upsertPlan } from '../../db/queries.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { issueFields, validate } from '../../middleware/validate.ts';

/**
 * PUT /api/admin/plans/:communeId/:year — admin: stores or replaces a commune's plan. The body is
 * a CommunePlan (422 INVALID_PLAN with the zod issue paths otherwise) for that commune and year.
 */
export const plans = new Hono<AppEnv>().put(
  '/:communeId/:year',
  allow('admin'),
  validate('param', PlanParams),
  validate('json', PutPlanRequest, { status: 422, code: 'INVALID_PLAN' }),
  async (c) => {
    const { communeId, year } = c.req.valid('param');
    const plan = c.req.valid('json');
    const commune = await findCommune(c.var.db, communeId);
    if (commune === null) throw new ApiError(404, 'COMMUNE_NOT_FOUND', { params: { id: communeId } });
    const issues: ApiIssue[] = [];
    if (plan.commune.id !== communeId) {
      issues.push({ path: ['commune', 'id'], code: 'mismatch', message: `Phải là "${communeId}" như trên địa chỉ (must match the URL)` });
    }
    if (plan.year !== year) {
      issues.push({ path: ['year'], code: 'mismatch', message: `Phải là ${year} như trên địa chỉ (must match the URL)` });
    }
    if (issues.length > 0) throw new ApiError(422, 'INVALID_PLAN', { issues, params: { fields: issueFields(issues) } });

    const updatedAt = new Date().toISOString();
    await upsertPlan(await c.var.regionDb(commune.regionId), communeId, year, plan, updatedAt);
    const body: PutPlanResponse = { communeId, year, updatedAt };
    return c.json(body, 200);
  },
);
