import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ANSWER_TIMEOUT_MS, ApiFailure, BODY_TIMEOUT_MS, getJson, getStream, isRetryable } from '../../../web/common/api.ts';

/**
 * The pages' calls (web/common/api.ts) against a stand-in for fetch, on fake timers: a call that
 * gets no answer ends with a timeout instead of waiting forever, and a GET is sent once more.
 */

const Answer = z.object({ ok: z.literal(true) });

type Reply = (signal: AbortSignal) => Promise<Response>;

/** Never answers: like the lost request, it only ends when its signal aborts it. */
const silent: Reply = (signal) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
const json = (status: number, body: unknown): Reply => () => Promise.resolve(new Response(JSON.stringify(body), { status }));
const refused: Reply = () => Promise.reject(new TypeError('Failed to fetch'));

const calls: { url: string; headers: Record<string, string> }[] = [];

function answerWith(...replies: Reply[]): void {
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const reply = replies[calls.length - 1];
    if (reply === undefined) throw new Error(`unexpected call ${calls.length} to ${url}`);
    return reply(init.signal as AbortSignal);
  });
}

/** The call's outcome once the fake clock has run: its value, or the ApiFailure it threw. */
async function settle<T>(call: Promise<T>): Promise<T | ApiFailure> {
  const outcome = call.catch((e: unknown) => e as ApiFailure);
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  calls.length = 0;
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('getJson', () => {
  it('sends a GET that got no answer once more, and returns the second answer', async () => {
    answerWith(silent, json(200, { ok: true }));
    const started = Date.now();
    expect(await settle(getJson('/api/status?period=2024-Y', 'tok', Answer))).toEqual({ ok: true });
    expect(calls).toEqual([
      { url: '/api/status?period=2024-Y', headers: { Authorization: 'Bearer tok', Accept: 'application/json' } },
      { url: '/api/status?period=2024-Y', headers: { Authorization: 'Bearer tok', Accept: 'application/json' } },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ANSWER_TIMEOUT_MS);
  });

  it('ends with a timeout when the second try gets no answer either', async () => {
    answerWith(silent, silent);
    const failure = await settle(getJson('/api/me', 'tok', Answer));
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ kind: 'timeout', status: null });
    expect(isRetryable(failure)).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('tries once more after a network failure', async () => {
    answerWith(refused, json(200, { ok: true }));
    expect(await settle(getJson('/api/me', 'tok', Answer))).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('does not try again after an answer: an HTTP error carries the envelope, a 5xx is retryable by hand', async () => {
    answerWith(json(500, { error: { code: 'INTERNAL', message: 'Lỗi máy chủ (internal error)' } }));
    const failure = await settle(getJson('/api/status?period=2024-Y', 'tok', Answer));
    expect(failure).toMatchObject({ kind: 'http', status: 500, code: 'INTERNAL', serverMessage: 'Lỗi máy chủ (internal error)' });
    expect(isRetryable(failure)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('a refusal and an answer not in the schema are not worth trying again', async () => {
    answerWith(json(401, { error: { code: 'UNAUTHORIZED', message: 'Chưa đăng nhập' } }), json(200, { ok: 'yes' }));
    const refusal = await settle(getJson('/api/me', 'bad', Answer));
    const odd = await settle(getJson('/api/me', 'tok', Answer));
    expect([refusal, odd]).toMatchObject([
      { kind: 'http', status: 401, code: 'UNAUTHORIZED' },
      { kind: 'bad-answer', status: 200 },
    ]);
    expect([isRetryable(refusal), isRetryable(odd)]).toEqual([false, false]);
  });

  it("the page's own abort ends the call as 'aborted', without another try", async () => {
    answerWith(silent);
    const page = new AbortController();
    const call = getJson('/api/status?period=2024-Y', 'tok', Answer, { signal: page.signal });
    page.abort();
    const failure = await settle(call);
    expect(failure).toMatchObject({ kind: 'aborted' });
    expect(isRetryable(failure)).toBe(false);
    expect(calls).toHaveLength(1);
  });
});

describe('getStream', () => {
  function pieces(...chunks: (string | null)[]): Reply {
    // null: a pause that never ends.
    return (signal) => {
      const encoder = new TextEncoder();
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks[at++];
          if (next === undefined) controller.close();
          else if (next === null) return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
          else controller.enqueue(encoder.encode(next));
          return undefined;
        },
      });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Disposition': 'attachment; filename="a.xlsx"' } }));
    };
  }

  it('hands over the headers and every piece', async () => {
    answerWith(pieces('PK', 'zip'));
    const seen: string[] = [];
    await settle(
      getStream('/api/workbook?period=2024-Y', 'tok', 'application/zip', {
        onHeaders: (h) => seen.push(`headers ${h.get('Content-Disposition')}`),
        onChunk: (c) => seen.push(new TextDecoder().decode(c)),
      }),
    );
    expect(seen).toEqual(['headers attachment; filename="a.xlsx"', 'PK', 'zip']);
  });

  it('ends with a timeout when the pieces stop coming, and is not sent again (each download is recorded)', async () => {
    answerWith(pieces('PK', null));
    const started = Date.now();
    const failure = await settle(getStream('/api/workbook?period=2024-Y', 'tok', 'application/zip', { onHeaders: () => undefined, onChunk: () => undefined }));
    expect(failure).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS);
    expect(calls).toHaveLength(1);
  });

  it("a fault in the page's own handling stays itself, not taken for the network", async () => {
    answerWith(pieces('PK'));
    const failure = await settle(
      getStream('/api/workbook?period=2024-Y', 'tok', 'application/zip', {
        onHeaders: () => undefined,
        onChunk: () => {
          throw new RangeError('the page');
        },
      }),
    );
    expect(failure).toEqual(new RangeError('the page'));
  });

  it('an HTTP error is the envelope, before any piece', async () => {
    answerWith(json(403, { error: { code: 'FORBIDDEN', message: 'Không có quyền' } }));
    const chunks: Uint8Array[] = [];
    const failure = await settle(getStream('/api/workbook?period=2024-Y', 'tok', 'application/zip', { onHeaders: () => undefined, onChunk: (c) => chunks.push(c) }));
    expect(failure).toMatchObject({ kind: 'http', status: 403, code: 'FORBIDDEN' });
    expect(chunks).toEqual([]);
  });
});
