import type { MiddlewareHandler } from 'hono';
import { withD1Limits } from '../db/d1-limits.ts';
import type { AppEnv } from '../env.ts';

/** Gives handlers `c.var.db`: env.DB behind the D1 limits guard, so no route bypasses it. */
export function database(): MiddlewareHandler<AppEnv> {
  return async function database(c, next) {
    c.set('db', withD1Limits(c.env.DB));
    await next();
  };
}
