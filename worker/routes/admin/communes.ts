import { Hono } from 'hono';
import { CreateCommuneRequest, type Commune } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import { DIRECTORY_BINDING, mirrorRegion, regionDatabase } from '../../db/directory.ts';
import { findRegion, insertCommune } from '../../db/queries.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { validate } from '../../middleware/validate.ts';

/** POST /api/admin/communes — admin: a commune in an existing region (in the directory, and copied into the region's database). */
export const communes = new Hono<AppEnv>().post('/', allow('admin'), validate('json', CreateCommuneRequest), async (c) => {
  const commune: Commune = c.req.valid('json');
  const region = await findRegion(c.var.db, commune.regionId);
  if (region === null) {
    throw new ApiError(422, 'UNKNOWN_REGION', {
      params: { id: commune.regionId },
      issues: [{ path: ['regionId'], code: 'unknown_region', message: 'Không có đơn vị này (unknown region)' }],
    });
  }
  // The region's database first (503 when its binding is missing, before anything is written).
  const home = await regionDatabase(c.env, c.var.db, region.id);
  const now = new Date().toISOString();
  const created = await insertCommune(c.var.db, commune, now);
  if (!created) throw new ApiError(409, 'COMMUNE_EXISTS', { params: { id: commune.id } });
  if (home.binding !== DIRECTORY_BINDING) await mirrorRegion(home.db, region, [commune], now);
  return c.json(commune, 201);
});
