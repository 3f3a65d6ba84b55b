import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../../worker/clock.ts';
import { SIGN_IN_LIMIT, SIGN_IN_WINDOW_MS } from '../../worker/db/sign-in-failures.ts';
import { call, expectError, seedFixture, TOKENS } from './helpers.ts';

const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

function from(ip: string, token: string | undefined) {
  return call('GET', '/api/me', { headers: { 'CF-Connecting-IP': ip }, ...(token === undefined ? {} : { token }) });
}

async function failTimes(ip: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await expectError(await from(ip, `wrong-guess-${i}`), 401, 'UNAUTHORIZED');
  }
}

describe('failed sign-ins are limited per client', () => {
  it(`refuses a client with 429 after ${SIGN_IN_LIMIT} wrong tokens, even with the right one, until the window ends`, async () => {
    await seedFixture();
    const start = Date.parse('2026-12-06T08:00:00.000Z');
    clock.now = () => new Date(start);
    await failTimes('203.0.113.7', SIGN_IN_LIMIT);

    const refused = await from('203.0.113.7', TOKENS.commune);
    const error = await expectError(refused, 429, 'RATE_LIMITED');
    expect(error.message).toMatch(/^Đã nhập sai mã truy cập quá nhiều lần.*thử lại sau 15 phút/);
    expect(refused.headers.get('Retry-After')).toBe(String(SIGN_IN_WINDOW_MS / 1000));

    // Another client is not held up by this one.
    expect((await from('198.51.100.2', TOKENS.commune)).status).toBe(200);

    // After the window the client may sign in again, and its count starts afresh.
    clock.now = () => new Date(start + SIGN_IN_WINDOW_MS + 1);
    expect((await from('203.0.113.7', TOKENS.commune)).status).toBe(200);
    await failTimes('203.0.113.7', SIGN_IN_LIMIT - 1);
    expect((await from('203.0.113.7', TOKENS.commune)).status).toBe(200);
  });

  it('counts failures sent at once, and does not count requests without a token', async () => {
    await seedFixture();
    for (let i = 0; i < SIGN_IN_LIMIT * 2; i += 1) await expectError(await from('203.0.113.9', undefined), 401, 'UNAUTHORIZED');
    expect((await from('203.0.113.9', TOKENS.district)).status).toBe(200);

    const answers = await Promise.all(Array.from({ length: SIGN_IN_LIMIT }, (_, i) => from('203.0.113.9', `parallel-${i}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(SIGN_IN_LIMIT).fill(401));
    await expectError(await from('203.0.113.9', TOKENS.district), 429, 'RATE_LIMITED');
  });

  it('keeps only a hash of the client address, and drops ended windows', async () => {
    await seedFixture();
    const start = Date.parse('2026-12-06T08:00:00.000Z');
    clock.now = () => new Date(start);
    await failTimes('192.0.2.44', 1);
    clock.now = () => new Date(start + SIGN_IN_WINDOW_MS + 1);
    await failTimes('192.0.2.45', 1);

    const { results } = await env.DB.prepare('SELECT client_hash, failures FROM sign_in_failures').all<{ client_hash: string; failures: number }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.client_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(results)).not.toContain('192.0.2');
  });
});
