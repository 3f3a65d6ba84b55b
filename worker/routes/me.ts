import { Hono } from 'hono';
import type { MeResponse } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import { findCommune, findRegion } from '../db/queries.ts';
import type { AppEnv } from '../env.ts';
import { allow } from '../middleware/allow.ts';

/** GET /api/me — any role: who the token belongs to and what it covers. */
export const me = new Hono<AppEnv>().get('/', allow('commune', 'district', 'admin'), async (c) => {
  const principal = c.var.principal;
  const db = c.var.db;
  let body: MeResponse;
  switch (principal.role) {
    case 'admin':
      body = { role: 'admin', label: principal.label, commune: null, region: null };
      break;
    case 'district':
      body = { role: 'district', label: principal.label, commune: null, region: await findRegion(db, principal.regionId) };
      break;
    case 'commune': {
      const commune = await findCommune(db, principal.communeId);
      if (commune === null) throw new ApiError(404, 'COMMUNE_NOT_FOUND', { params: { id: principal.communeId } });
      body = { role: 'commune', label: principal.label, commune, region: await findRegion(db, commune.regionId) };
      break;
    }
  }
  return c.json(body, 200);
});
