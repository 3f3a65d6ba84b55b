import type { MiddlewareHandler } from 'hono';
import { withD1Limits } from '../db/d1-limits.ts';
import { regionDb } from '../db/directory.ts';
import type { AppEnv } from '../env.ts';

/**
 * Gives handlers `c.var.db` (the directory database, env.DB) and `c.var.regionDb(regionId)` (the
 * database of that region's data), both behind the D1 limits guard, so no route bypasses it. A
 * region's database is looked up once per request.
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async function database(c, next) {
    const directory = withD1Limits(c.env.DB);
    const regions = new Map<string, Promise<D1Database>>();
    c.set('db', directory);
    c.set('regionDb', function regionDatabase(regionId) {
      let db = regions.get(regionId);
      if (db === undefined) {
        db = regionDb(c.env, regionId, directory);
        regions.set(regionId, db);
      }
      return db;
    });
    await next();
  };
}
