import type { Principal } from './principal.ts';

/** Hono's environment for the GNBV app: Cloudflare bindings (worker-configuration.d.ts) and request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Set by `allow()` before any handler that needs it. */
    principal: Principal;
    /** The directory database (env.DB) behind the D1 limits guard: regions, communes, tokens, sign-ins. */
    db: D1Database;
    /**
     * The database of a region's data (worker/db/directory.ts), behind the same guard; 503 when
     * its binding is missing. Routes pass the principal's own region (allow.ts: `ownDb`).
     */
    regionDb: (regionId: string) => Promise<D1Database>;
  };
}
