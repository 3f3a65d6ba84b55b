import * as z from 'zod';
import { PlanResponse } from '../shared/api.ts';
import { type CommunePlan, XUAN_HOA_2024 } from '../shared/plans/index.ts';
import type { FailureCode } from './ui/strings.ts';
import type { UserSettings } from './settings.ts';

/**
 * The commune plan to validate against: from the API (GET /api/plan?year= with the officer's
 * token), kept in localStorage for offline use; else the saved copy; else the built-in demo plan.
 * Which one was used is always shown to the officer.
 */
export type PlanChoice =
  | { source: 'server'; plan: CommunePlan }
  | { source: 'cached'; plan: CommunePlan; savedAt: string; reason: FailureCode | null }
  | { source: 'demo'; plan: CommunePlan; reason: FailureCode | null };

const Cached = z.object({ savedAt: z.string(), plan: PlanResponse });

function cacheKey(serverUrl: string, year: number): string {
  return `gnbv.plan.v1:${serverUrl}:${year}`;
}

export interface PlanDeps {
  fetch: typeof fetch;
  storage: Storage;
  now: () => Date;
  timeoutMs?: number;
}

export async function planForYear(year: number, settings: UserSettings, deps: PlanDeps): Promise<PlanChoice> {
  if (settings.serverUrl === '' || settings.token === '') return fallback(year, settings, deps, null);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 15_000);
  let reason: FailureCode;
  try {
    const response = await deps.fetch(`${settings.serverUrl}/api/plan?year=${year}`, {
      headers: { Authorization: `Bearer ${settings.token}`, Accept: 'application/json' },
      signal: controller.signal,
    });
    if (response.ok) {
      const parsed = PlanResponse.safeParse(await response.json());
      if (parsed.success) {
        deps.storage.setItem(cacheKey(settings.serverUrl, year), JSON.stringify({ savedAt: deps.now().toISOString(), plan: parsed.data }));
        return { source: 'server', plan: parsed.data };
      }
      reason = 'unknown';
    } else reason = response.status === 401 || response.status === 403 ? 'unauthorized' : response.status === 404 ? 'planNotFound' : 'network';
  } catch {
    reason = 'network';
  } finally {
    clearTimeout(timer);
  }
  return fallback(year, settings, deps, reason);
}

function fallback(year: number, settings: UserSettings, deps: PlanDeps, reason: FailureCode | null): PlanChoice {
  if (settings.serverUrl !== '') {
    try {
      const cached = Cached.safeParse(JSON.parse(deps.storage.getItem(cacheKey(settings.serverUrl, year)) ?? 'null'));
      if (cached.success) return { source: 'cached', plan: cached.data.plan, savedAt: cached.data.savedAt, reason };
    } catch {
      // an unreadable copy is no copy
    }
  }
  return { source: 'demo', plan: XUAN_HOA_2024, reason };
}
