import { Hono } from 'hono';
import { CreateRegionRequest, PutRegionDatabaseRequest, RegionDatabaseParams, type Region, type RegionDatabaseResponse } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import {
  DIRECTORY_BINDING,
  copyRegionPlans,
  d1Binding,
  databaseOf,
  findRegionBinding,
  mirrorRegion,
  regionDatabase,
  regionHasSubmissions,
  setRegionBinding,
} from '../../db/directory.ts';
import { findRegion, insertRegion } from '../../db/queries.ts';
import { listRegionCommunes } from '../../db/submissions.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { validate } from '../../middleware/validate.ts';

export const regions = new Hono<AppEnv>()
  /** POST /api/admin/regions — admin: a unit that aggregates communes (district or province). */
  .post('/', allow('admin'), validate('json', CreateRegionRequest), async (c) => {
    const region: Region = c.req.valid('json');
    const created = await insertRegion(c.var.db, region, new Date().toISOString());
    if (!created) throw new ApiError(409, 'REGION_EXISTS', { params: { id: region.id } });
    return c.json(region, 201);
  })
  /**
   * PUT /api/admin/regions/{id}/database — admin: which D1 database holds the region's data, by
   * binding name (a DB_… of wrangler.toml; "DB" for the directory database). The region's row,
   * communes and plans are copied there first. Refused (409) once the region has submissions
   * where it is: moving reports between databases is a data migration, not a setting.
   */
  .put('/:id/database', allow('admin'), validate('param', RegionDatabaseParams), validate('json', PutRegionDatabaseRequest), async (c) => {
    const { id } = c.req.valid('param');
    const { binding } = c.req.valid('json');
    const directory = c.var.db;
    const region = await findRegion(directory, id);
    if (region === null) throw new ApiError(404, 'UNKNOWN_REGION', { params: { id } });
    if (binding !== DIRECTORY_BINDING && d1Binding(c.env, binding) === null) {
      throw new ApiError(422, 'UNKNOWN_DATABASE', {
        params: { id: binding },
        issues: [{ path: ['binding'], code: 'unknown_database', message: 'Worker không có cơ sở dữ liệu này (no such D1 binding)' }],
      });
    }
    const current = await regionDatabase(c.env, directory, id);
    if (current.binding !== binding) {
      if (await regionHasSubmissions(current.db, id)) throw new ApiError(409, 'REGION_HAS_DATA', { params: { id } });
      const target = databaseOf(c.env, directory, binding, id);
      const now = new Date().toISOString();
      if (binding !== DIRECTORY_BINDING) await mirrorRegion(target.db, region, await listRegionCommunes(directory, id), now);
      await copyRegionPlans(current.db, target.db, id);
      await setRegionBinding(directory, id, binding, now);
    }
    const found = await findRegionBinding(directory, id);
    const body: RegionDatabaseResponse = { regionId: id, binding: found?.binding ?? DIRECTORY_BINDING, assignedAt: found?.assignedAt ?? null };
    return c.json(body, 200);
  });
