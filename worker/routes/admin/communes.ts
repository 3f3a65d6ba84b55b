import { Hono } from 'hono';
import { CreateCommuneRequest, type Commune } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import { findRegion, insertCommune } from '../../db/queries.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { validate } from '../../middleware/validate.ts';

/** POST /api/admin/communes — admin: a commune in an existing region. */
export const communes = new Hono<AppEnv>().post('/', allow('admin'), validate('json', CreateCommuneRequest), async (c) => {
  const commune: Commune = c.req.valid('json');
  if ((await findRegion(c.var.db, commune.regionId)) === null) {
    throw new ApiError(422, 'UNKNOWN_REGION', {
      params: { id: commune.regionId },
      issues: [{ path: ['regionId'], code: 'unknown_region', message: 'Không có đơn vị này (unknown region)' }],
    });
  }
  const created = await insertCommune(c.var.db, commune, new Date().toISOString());
  if (!created) throw new ApiError(409, 'COMMUNE_EXISTS', { params: { id: commune.id } });
  return c.json(commune, 201);
});
