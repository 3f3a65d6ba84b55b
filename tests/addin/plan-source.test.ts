// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { planForYear } from '../../addin/plan-source.ts';
import type { UserSettings } from '../../addin/settings.ts';

const SETTINGS: UserSettings = { serverUrl: 'https://gnbv.example.gov.vn', token: 'demo-xuan-hoa', lang: 'vi' };
const SERVER_PLAN = { ...XUAN_HOA_2024, id: 'xuan-hoa-2024-server', totalHouseholds: 2345 };
const now = () => new Date('2024-12-05T01:00:00Z');

function fetchAnswering(...answers: (Response | Error)[]) {
  const calls: { url: string; auth: string | null }[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    const next = answers.shift();
    if (!next || next instanceof Error) throw next ?? new Error('offline');
    return next;
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

beforeEach(() => window.localStorage.clear());

describe('the plan the pane validates against', () => {
  it('comes from GET /api/plan?year= with the officer’s token, and is kept for offline use', async () => {
    const { fetch, calls } = fetchAnswering(new Response(JSON.stringify(SERVER_PLAN), { status: 200 }), new Error('offline'));
    const first = await planForYear(2024, SETTINGS, { fetch, storage: window.localStorage, now });
    expect(first).toEqual({ source: 'server', plan: SERVER_PLAN });
    expect(calls[0]).toEqual({ url: 'https://gnbv.example.gov.vn/api/plan?year=2024', auth: 'Bearer demo-xuan-hoa' });

    const offline = await planForYear(2024, SETTINGS, { fetch, storage: window.localStorage, now });
    expect(offline).toEqual({ source: 'cached', plan: SERVER_PLAN, savedAt: '2024-12-05T01:00:00.000Z', reason: 'network' });
  });

  it('falls back to the built-in demo plan, saying why', async () => {
    const unauthorized = fetchAnswering(new Response('{"error":{"code":"UNAUTHORIZED","message":"x"}}', { status: 401 }));
    expect(await planForYear(2024, SETTINGS, { fetch: unauthorized.fetch, storage: window.localStorage, now })).toEqual({
      source: 'demo',
      plan: XUAN_HOA_2024,
      reason: 'unauthorized',
    });
    const noToken = fetchAnswering();
    expect(await planForYear(2024, { ...SETTINGS, token: '' }, { fetch: noToken.fetch, storage: window.localStorage, now })).toEqual({
      source: 'demo',
      plan: XUAN_HOA_2024,
      reason: null,
    });
    expect(noToken.calls).toEqual([]);
  });
});
