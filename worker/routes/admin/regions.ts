import { Hono } from 'hono';
import { CreateRegionRequest, type Region } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import { insertRegion } from '../../db/queries.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { validate } from '../../middleware/validate.ts';

/** POST /api/admin/regions — admin: a unit that aggregates communes (district or province). */
export const regions = new Hono<AppEnv>().post('/', allow('admin'), validate('json', CreateRegionRequest), async (c) => {
  const region: Region = c.req.valid('json');
  const created = await insertRegion(c.var.db, region, new Date().toISOString());
  if (!created) throw new ApiError(409, 'REGION_EXISTS', { params: { id: region.id } });
  return c.json(region, 201);
});
