// The Worker's types (D1Database, Env …) for programs that import this client without them.
/// <reference path="../worker-configuration.d.ts" />
import { hc } from 'hono/client';
import type { AppType } from './index.ts';

/**
 * A typed client of the GNBV API for the add-in and the CLI:
 * `createClient('https://localhost:8787', token).api.plan.$get({ query: { year: '2024' } })`.
 * Errors come back as responses with the envelope `{ error: { code, message, issues? } }`
 * (parse with ErrorEnvelope from shared/api.ts).
 */
const typed = hc<AppType>('');
export type GnbvClient = typeof typed;

export function createClient(baseUrl: string, token: string, options: { fetch?: typeof fetch } = {}): GnbvClient {
  return hc<AppType>(baseUrl, {
    headers: { Authorization: `Bearer ${token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}
