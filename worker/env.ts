import type { Principal } from './principal.ts';

/** Hono's environment for the GNBV app: Cloudflare bindings (worker-configuration.d.ts) and request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Set by `allow()` before any handler that needs it. */
    principal: Principal;
    /** env.DB behind the D1 limits guard. */
    db: D1Database;
  };
}
