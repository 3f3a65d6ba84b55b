import { Hono } from 'hono';
import { RULE_PACK_IDS, type HealthResponse } from '../../shared/api.ts';
import pkg from '../../package.json' with { type: 'json' };
import type { AppEnv } from '../env.ts';

/** GET /api/health — public: the version and the rule packs this Worker validates with. */
export const health = new Hono<AppEnv>().get('/', (c) => {
  const body: HealthResponse = { name: 'gnbv', version: pkg.version, rulePacks: [...RULE_PACK_IDS] };
  return c.json(body, 200);
});
