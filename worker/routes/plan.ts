import { Hono } from 'hono';
import { PlanQuery, type PlanResponse } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import { findPlan } from '../db/queries.ts';
import type { AppEnv } from '../env.ts';
import { allow, ownDb } from '../middleware/allow.ts';
import { validate } from '../middleware/validate.ts';

/** GET /api/plan?year= — commune: its own plan for the year (the add-in validates against it). */
export const plan = new Hono<AppEnv>().get('/', allow('commune'), validate('query', PlanQuery), async (c) => {
  const principal = c.var.principal;
  if (principal.role !== 'commune') throw new ApiError(403, 'FORBIDDEN');
  const { year } = c.req.valid('query');
  const body: PlanResponse | null = await findPlan(await ownDb(c), principal.communeId, year);
  if (body === null) throw new ApiError(404, 'PLAN_NOT_FOUND', { params: { year } });
  return c.json(body, 200);
});
