// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionRequest } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { keyForContent } from '../../shared/request-body.ts';
import { LOCAL_QUEUE_MAX_CHARS, type QueueStore, type QueuedSubmission, indexedDbQueue, localStorageQueue, queueStore } from '../../addin/submit/queue-store.ts';
import { type SubmitState, type SubmitterDeps, createSubmitter, retryDelayMs } from '../../addin/submit/submitter.ts';
import { ManualTimers, created, dropped, receipt, scriptedServer } from './submit-doubles.ts';
import { failureText } from '../../addin/ui/strings.ts';

const SERVER = 'https://gnbv.example.gov.vn';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOW = new Date('2024-12-05T01:00:00Z');

const grid: Grid = { name: 'Tien do', rows: [['STT', 'Nội dung'], [1, 'Dự án 2']], merges: [], numFmts: {}, fonts: {} };
const REQUEST: SubmissionRequest = { period: '2024-Y', sheets: [{ grid, mapping: { headerRow: 1, columns: { project: 'B' } } }] };

function setup(fetch: typeof globalThis.fetch, store: QueueStore, extra: Partial<SubmitterDeps> = {}) {
  const timers = new ManualTimers();
  const states: SubmitState[] = [];
  let online: (() => void) | null = null;
  const submitter = createSubmitter({
    fetch,
    store,
    storage: window.localStorage,
    token: () => 'demo-xuan-hoa',
    now: () => NOW,
    onChange: (s) => states.push(s),
    timers,
    random: () => 0.5,
    onOnline: (listener) => {
      online = listener;
      return () => {
        online = null;
      };
    },
    ...extra,
  });
  return { submitter, timers, states, goOnline: () => online?.() };
}

const phases = (states: readonly SubmitState[]) => states.map((s) => s.phase);

beforeEach(() => window.localStorage.clear());

describe('Gửi: the queue and its retries', () => {
  it('a dropped connection or a 5xx keeps it queued; every retry sends the same bytes under the SAME key until the server answers', async () => {
    const server = scriptedServer([dropped(), new Response('{"error":{"code":"INTERNAL","message":"x"}}', { status: 503 }), created()]);
    const store = indexedDbQueue(new IDBFactory());
    const { submitter, timers, states } = setup(server.fetch, store);

    const first = await submitter.submit(REQUEST, SERVER);
    expect(first).toMatchObject({ phase: 'waiting', period: '2024-Y', attempt: 1, persisted: true });
    expect((first as Extract<SubmitState, { phase: 'waiting' }>).retryAt).toEqual(new Date(NOW.getTime() + 2_000));
    expect(timers.retryDelays()).toEqual([2_000]);
    expect((await store.load())?.key).toBe(server.sent[0]?.headers['idempotency-key']);

    timers.fireRetry();
    await expect.poll(() => submitter.state().phase === 'waiting' && server.sent.length === 2).toBe(true);
    expect(submitter.state()).toMatchObject({ phase: 'waiting', attempt: 2 });
    expect(timers.retryDelays()).toEqual([4_000]);
    expect((await store.load())?.attempts).toBe(2);

    timers.fireRetry();
    await expect.poll(() => submitter.state().phase).toBe('accepted');
    expect(submitter.state()).toEqual({ phase: 'accepted', receipt: receipt(), attempts: 3 });
    expect(phases(states)).toEqual(['sending', 'sending', 'waiting', 'sending', 'waiting', 'sending', 'accepted']);

    expect(server.sent).toHaveLength(3);
    const [a, b, c] = server.sent;
    expect(a?.headers['idempotency-key']).toMatch(UUID);
    expect(new Set(server.sent.map((s) => s.headers['idempotency-key']))).toEqual(new Set([a?.headers['idempotency-key']]));
    expect(b?.bytes.equals(a?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(c?.bytes.equals(a?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(a?.url).toBe(`${SERVER}/api/submissions`);
    expect(a?.headers).toMatchObject({
      authorization: 'Bearer demo-xuan-hoa',
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      accept: 'application/json',
    });
    expect([...(a?.bytes.subarray(0, 2) ?? [])]).toEqual([0x1f, 0x8b]);
    expect(a?.json).toEqual(REQUEST);
    expect(await store.load()).toBeNull();
    expect(timers.retryDelays()).toEqual([]);
  });

  it('persists across a pane reload: the next pane sends the queued body with the same key', async () => {
    const idb = new IDBFactory();
    const offline = scriptedServer([dropped()]);
    const before = setup(offline.fetch, queueStore({ indexedDB: idb, storage: window.localStorage }));
    expect(await before.submitter.submit(REQUEST, SERVER)).toMatchObject({ phase: 'waiting', persisted: true });
    before.submitter.dispose(); // the pane (Excel) is closed
    expect(before.timers.retryDelays()).toEqual([]);

    const online = scriptedServer([created()]);
    const after = setup(online.fetch, queueStore({ indexedDB: idb, storage: window.localStorage }));
    expect(after.submitter.state()).toEqual({ phase: 'idle' });
    const resumed = await after.submitter.resume();
    expect(resumed).toEqual({ phase: 'accepted', receipt: receipt(), attempts: 2 });
    expect(phases(after.states)).toEqual(['sending', 'accepted']);
    expect(after.states[0]).toMatchObject({ phase: 'sending', step: 'send', resumed: true, attempt: 2 });
    expect(online.sent[0]?.headers['idempotency-key']).toBe(offline.sent[0]?.headers['idempotency-key']);
    expect(online.sent[0]?.bytes.equals(offline.sent[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    // Nothing is left for a third pane.
    const third = setup(scriptedServer([]).fetch, queueStore({ indexedDB: idb, storage: window.localStorage }));
    expect(await third.submitter.resume()).toEqual({ phase: 'idle' });
  });

  it('without IndexedDB the queue lives in localStorage (small bodies) and survives a reload the same way', async () => {
    const offline = scriptedServer([dropped()]);
    const before = setup(offline.fetch, queueStore({ indexedDB: undefined, storage: window.localStorage }));
    await before.submitter.submit(REQUEST, SERVER);
    before.submitter.dispose();
    expect(window.localStorage.getItem('gnbv.submit.queue.v1')).toContain(offline.sent[0]?.headers['idempotency-key']);
    expect(window.localStorage.getItem('gnbv.submit.queue.v1')).not.toContain('demo-xuan-hoa'); // never the token

    const online = scriptedServer([created()]);
    const after = setup(online.fetch, queueStore({ indexedDB: undefined, storage: window.localStorage }));
    expect(await after.submitter.resume()).toMatchObject({ phase: 'accepted' });
    expect(online.sent[0]?.headers['idempotency-key']).toBe(offline.sent[0]?.headers['idempotency-key']);
    expect(window.localStorage.getItem('gnbv.submit.queue.v1')).toBeNull();
  });

  it('the `online` event retries at once instead of waiting for the timer', async () => {
    const server = scriptedServer([dropped(), created()]);
    const { submitter, timers, goOnline } = setup(server.fetch, indexedDbQueue(new IDBFactory()));
    await submitter.submit(REQUEST, SERVER);
    expect(timers.retryDelays()).toEqual([2_000]);
    goOnline();
    await expect.poll(() => submitter.state().phase).toBe('accepted');
    expect(timers.retryDelays()).toEqual([]);
    expect(server.sent.map((s) => s.headers['idempotency-key'])).toEqual([server.sent[0]?.headers['idempotency-key'], server.sent[0]?.headers['idempotency-key']]);
  });

  it('a 422 is an answer: the server’s issues are given, nothing is retried or kept', async () => {
    const issues = [
      { code: 'PRG.OVERSPENT', severity: 'error', sheet: 'Tien do', row: 14, column: 'I', field: 'disbursed', value: 60, expected: 48, message: 'x' },
    ];
    const server = scriptedServer([Response.json({ error: { code: 'VALIDATION_FAILED', message: 'Bảng còn 1 lỗi', issues } }, { status: 422 })]);
    const store = indexedDbQueue(new IDBFactory());
    const { submitter, timers } = setup(server.fetch, store);
    expect(await submitter.submit(REQUEST, SERVER)).toEqual({ phase: 'refused', period: '2024-Y', issues, message: 'Bảng còn 1 lỗi' });
    expect(timers.retryDelays()).toEqual([]);
    expect(await store.load()).toBeNull();
  });

  it('other answers end it too, each with its own failure', async () => {
    const envelope = (code: string, message: string) => ({ error: { code, message } });
    const cases: [Response, string][] = [
      [Response.json(envelope('UNAUTHORIZED', 'Sai mã'), { status: 401 }), 'unauthorized'],
      [Response.json(envelope('IDEMPOTENCY_CONFLICT', 'Khác nội dung'), { status: 409 }), 'idempotencyConflict'],
      [Response.json(envelope('PLAN_NOT_FOUND', 'Chưa có kế hoạch'), { status: 404 }), 'planNotFound'],
      [Response.json(envelope('PAYLOAD_TOO_LARGE', 'Quá lớn'), { status: 413 }), 'submitTooLarge'],
      [Response.json(envelope('INVALID_REQUEST', 'Sai yêu cầu'), { status: 400 }), 'submitRefused'],
    ];
    for (const [answer, code] of cases) {
      const { submitter, timers } = setup(scriptedServer([answer]).fetch, indexedDbQueue(new IDBFactory()));
      const state = await submitter.submit(REQUEST, SERVER);
      expect(state).toMatchObject({ phase: 'failed', code, status: answer.status });
      expect(timers.retryDelays()).toEqual([]);
    }
  });

  it('a 409 REVIEW_LOCKED (the report is accepted) is its own failure, never retried nor left queued', async () => {
    const locked = { error: { code: 'REVIEW_LOCKED', message: 'Báo cáo kỳ này đã được duyệt' } };
    const server = scriptedServer([Response.json(locked, { status: 409 })]);
    const store = indexedDbQueue(new IDBFactory());
    const { submitter, timers } = setup(server.fetch, store);
    expect(await submitter.submit(REQUEST, SERVER)).toEqual({ phase: 'failed', code: 'reviewLocked', status: 409, serverMessage: 'Báo cáo kỳ này đã được duyệt' });
    expect(timers.retryDelays()).toEqual([]);
    expect(await store.load()).toBeNull();
    expect(server.sent).toHaveLength(1);
    expect(failureText('reviewLocked', 'vi')).toBe('Báo cáo kỳ này đã được duyệt nên không gửi được bản mới; liên hệ huyện/tỉnh để mở lại.');
  });

  it('a proxy’s page (not JSON) or a 429 is no answer from the server: retried', async () => {
    const server = scriptedServer([new Response('<html>Đăng nhập Wi-Fi</html>', { status: 200 }), new Response('', { status: 429 }), created()]);
    const { submitter, timers } = setup(server.fetch, indexedDbQueue(new IDBFactory()));
    expect(await submitter.submit(REQUEST, SERVER)).toMatchObject({ phase: 'waiting', attempt: 1 });
    timers.fireRetry();
    await expect.poll(() => submitter.state()).toMatchObject({ phase: 'waiting', attempt: 2 });
    timers.fireRetry();
    await expect.poll(() => submitter.state().phase).toBe('accepted');
  });

  it('a body too big to keep on this computer is still retried while the pane is open, and says it is not kept', async () => {
    const failing: QueueStore = {
      load: async () => null,
      save: async () => {
        throw new Error('QuotaExceededError');
      },
      clear: async () => undefined,
    };
    const server = scriptedServer([dropped(), created()]);
    const { submitter, timers } = setup(server.fetch, failing);
    expect(await submitter.submit(REQUEST, SERVER)).toMatchObject({ phase: 'waiting', persisted: false });
    timers.fireRetry();
    await expect.poll(() => submitter.state().phase).toBe('accepted');
    expect(server.sent[1]?.headers['idempotency-key']).toBe(server.sent[0]?.headers['idempotency-key']);
  });

  it('"Huỷ gửi" drops the waiting submission and its timer', async () => {
    const store = indexedDbQueue(new IDBFactory());
    const { submitter, timers } = setup(scriptedServer([dropped()]).fetch, store);
    await submitter.submit(REQUEST, SERVER);
    await submitter.cancel();
    expect(submitter.state()).toEqual({ phase: 'cancelled' });
    expect(timers.retryDelays()).toEqual([]);
    expect(await store.load()).toBeNull();
  });

  it('the key is tied to the content: the same content (again, later) gets the same key, other content another', async () => {
    const server = scriptedServer([created(), created(), created()]);
    const { submitter } = setup(server.fetch, indexedDbQueue(new IDBFactory()));
    await submitter.submit(REQUEST, SERVER);
    await submitter.submit(REQUEST, SERVER);
    await submitter.submit({ ...REQUEST, period: '2024-Q4' }, SERVER);
    const [a, b, c] = server.sent.map((s) => s.headers['idempotency-key']);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c).toMatch(UUID);
  });

  it('a key older than the server keeps it (24 h) is not reused', () => {
    const storage = window.localStorage;
    const key = keyForContent(storage, 'hash-1', new Date('2024-12-05T00:00:00Z'));
    expect(keyForContent(storage, 'hash-1', new Date('2024-12-05T23:59:00Z'))).toBe(key);
    expect(keyForContent(storage, 'hash-1', new Date('2024-12-06T00:00:01Z'))).not.toBe(key);
    expect(storage.getItem('gnbv.submit.keys.v1')).not.toContain('Tien do'); // hashes, never content
  });

  it('backs off 2 s, 4 s, 8 s … up to a minute, ±25 %', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => retryDelayMs(n, 0.5))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(retryDelayMs(1, 0)).toBe(1_500);
    expect(retryDelayMs(1, 1)).toBe(2_500);
  });
});

describe('where the queue is kept', () => {
  const item = (size: number): QueuedSubmission => ({
    key: '4a7c7a0e-2f7b-4f0e-9d1a-0b6c7d8e9f00',
    serverUrl: SERVER,
    period: '2024-Y',
    body: new Uint8Array(size).map((_, i) => (i * 7919) % 251).buffer,
    gzip: true,
    size: size * 3,
    sheets: ['Tien do'],
    queuedAt: NOW.toISOString(),
    attempts: 0,
  });

  it('IndexedDB keeps a large body whole', async () => {
    const idb = new IDBFactory();
    const big = item(5 * 1024 * 1024);
    await indexedDbQueue(idb).save(big);
    const loaded = await indexedDbQueue(idb).load();
    expect(loaded?.key).toBe(big.key);
    expect(Buffer.from(loaded?.body ?? new ArrayBuffer(0)).equals(Buffer.from(big.body))).toBe(true);
  });

  it('localStorage refuses a body over its share, and keeps a small one whole', async () => {
    const local = localStorageQueue(window.localStorage);
    await expect(local.save(item(LOCAL_QUEUE_MAX_CHARS))).rejects.toThrow(/too big/);
    expect(window.localStorage.getItem('gnbv.submit.queue.v1')).toBeNull();
    const small = item(10_000);
    await local.save(small);
    expect(await local.load()).toEqual(small);
  });

  it('falls back to localStorage when IndexedDB cannot be opened', async () => {
    const broken = {
      open() {
        const request = { onsuccess: null, onerror: null as null | (() => void), onupgradeneeded: null, error: new Error('blocked') };
        setTimeout(() => request.onerror?.(), 0);
        return request;
      },
    } as unknown as IDBFactory;
    const store = queueStore({ indexedDB: broken, storage: window.localStorage });
    await store.save(item(100));
    expect(window.localStorage.getItem('gnbv.submit.queue.v1')).not.toBeNull();
    expect((await store.load())?.key).toBe(item(100).key);
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});
