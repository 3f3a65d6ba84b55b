/// <reference path="../../types/worker-bindings.d.ts" />
import { ErrorEnvelope, type SubmissionReceipt, type SubmissionRequest } from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';
import type { Period } from '../../shared/periods.ts';
import type { FailureCode } from '../ui/strings.ts';
import { encodeBody, keyForContent, sha256Hex } from '../../shared/request-body.ts';
import { type GnbvClient, SubmissionAnswers, gnbvClient } from '../../worker/client.ts';
import type { QueueStore, QueuedSubmission } from './queue-store.ts';

/**
 * "Gửi": POST /api/submissions with gzip and an Idempotency-Key tied to the content. A dropped
 * connection (fetch throws) or a server failure (5xx, 408, 429) is no answer: the submission stays
 * queued on this computer with the SAME key and body and is tried again — with backoff, on the
 * browser's `online` event, when the pane opens again — until the server answers. An answer (201,
 * 422, any other 4xx) ends it. The server answers a repeated key and body with its first receipt,
 * so a retry of a request it did store never makes a second version.
 */

export type SubmitState =
  | { phase: 'idle' }
  | { phase: 'sending'; step: 'compress' | 'send'; period: Period; attempt: number; bytes: number | null; resumed: boolean }
  | { phase: 'waiting'; period: Period; attempt: number; retryAt: Date; persisted: boolean; resumed: boolean }
  | { phase: 'accepted'; receipt: SubmissionReceipt; attempts: number }
  | { phase: 'refused'; period: Period; issues: Issue[]; message: string }
  | { phase: 'failed'; code: FailureCode; status: number | null; serverMessage: string | null }
  | { phase: 'cancelled' };

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SubmitterDeps {
  fetch: typeof fetch;
  store: QueueStore;
  /** Where the content → key registry lives (this computer's localStorage). */
  storage: Storage;
  /** The officer's token, read at every try (it is never queued). */
  token(): string;
  now(): Date;
  onChange(state: SubmitState): void;
  timers?: Timers;
  /** Subscribes to "the network is back" (window's `online` event); returns the unsubscribe. */
  onOnline?: (listener: () => void) => () => void;
  random?: () => number;
  /** A try with no answer after this long counts as a dropped connection. */
  requestTimeoutMs?: number;
}

export interface Submitter {
  /** Queues the request (replacing any waiting one) and makes the first try; resolves with the state after it. */
  submit(request: SubmissionRequest, serverUrl: string): Promise<SubmitState>;
  /** Sends what an earlier pane left queued, if anything. */
  resume(): Promise<SubmitState>;
  retryNow(): Promise<SubmitState>;
  cancel(): Promise<void>;
  state(): SubmitState;
  dispose(): void;
}

/** 2 s, 4 s, 8 s … at most a minute, ±25 % so many panes do not retry in step. */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + 0.5 * random));
}

const TRANSIENT_STATUS = new Set([408, 429]);

type Answer = { transient: true } | { transient: false; state: SubmitState };

/** What the typed client's POST /api/submissions comes back with. */
type SubmissionResponse = Awaited<ReturnType<GnbvClient['api']['submissions']['$post']>>;

async function readAnswer(res: SubmissionResponse, period: Period, attempts: number): Promise<Answer> {
  // Any status at all, whatever the route declares: a proxy's 502, a 429.
  const status: number = res.status;
  if (status >= 500 || TRANSIENT_STATUS.has(status)) return { transient: true };
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    // Not JSON: a proxy's or a captive portal's page, not the server's answer.
    return { transient: true };
  }
  if (status === 200 || status === 201) {
    const receipt = SubmissionAnswers.accepted.safeParse(json);
    return receipt.success ? { transient: false, state: { phase: 'accepted', receipt: receipt.data, attempts } } : { transient: true };
  }
  if (status === 422) {
    const refused = SubmissionAnswers.refused.safeParse(json);
    if (refused.success) return { transient: false, state: { phase: 'refused', period, issues: refused.data.error.issues, message: refused.data.error.message } };
  }
  const envelope = ErrorEnvelope.safeParse(json);
  const code: FailureCode =
    status === 401 || status === 403
      ? 'unauthorized'
      : status === 413
        ? 'submitTooLarge'
        : status === 409
          ? // An accepted report is locked (issue 20): no retry helps until the district reopens it.
            envelope.success && envelope.data.error.code === 'REVIEW_LOCKED'
            ? 'reviewLocked'
            : 'idempotencyConflict'
          : envelope.success && envelope.data.error.code === 'PLAN_NOT_FOUND'
            ? 'planNotFound'
            : 'submitRefused';
  return { transient: false, state: { phase: 'failed', code, status, serverMessage: envelope.success ? envelope.data.error.message : null } };
}

export function createSubmitter(deps: SubmitterDeps): Submitter {
  const timers: Timers = deps.timers ?? { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  const random = deps.random ?? Math.random;
  let current: SubmitState = { phase: 'idle' };
  let pending: QueuedSubmission | null = null;
  let persisted = false;
  let resumed = false;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  const set = (s: SubmitState): void => {
    current = s;
    if (!disposed) deps.onChange(s);
  };
  const stopTimer = (): void => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const unsubscribe = deps.onOnline?.(function retryWhenOnline() {
    if (pending && !inFlight) void attempt();
  });

  const client = (serverUrl: string): GnbvClient => gnbvClient(serverUrl, { fetch: deps.fetch });

  async function post(q: QueuedSubmission): Promise<SubmissionResponse> {
    const controller = new AbortController();
    const timeout = timers.set(() => controller.abort(), deps.requestTimeoutMs ?? 120_000);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${deps.token()}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Idempotency-Key': q.key,
    };
    if (q.gzip) headers['Content-Encoding'] = 'gzip';
    try {
      // The headers go in `init` as they are (a plain object), the body as queued (gzip or not): bytes
      // cannot go as the typed `json` (hc sends that as JSON text), see worker/routes/submissions.ts.
      return await client(q.serverUrl).api.submissions.$post(undefined, { init: { headers, body: q.body, signal: controller.signal } });
    } finally {
      timers.clear(timeout);
    }
  }

  async function tryOnce(): Promise<void> {
    const q = pending;
    if (!q || disposed) return;
    stopTimer();
    q.attempts += 1;
    set({ phase: 'sending', step: 'send', period: q.period, attempt: q.attempts, bytes: q.body.byteLength, resumed });
    let answer: Answer;
    try {
      answer = await readAnswer(await post(q), q.period, q.attempts);
    } catch {
      answer = { transient: true };
    }
    if (pending !== q || disposed) return; // cancelled or replaced meanwhile
    if (answer.transient) {
      if (persisted) await deps.store.save(q).catch(() => undefined); // keeps the count of tries
      const delay = retryDelayMs(q.attempts, random());
      timer = timers.set(() => {
        timer = null;
        void attempt();
      }, delay);
      set({ phase: 'waiting', period: q.period, attempt: q.attempts, retryAt: new Date(deps.now().getTime() + delay), persisted, resumed });
      return;
    }
    pending = null;
    resumed = false;
    await deps.store.clear().catch(() => undefined);
    set(answer.state);
  }

  function attempt(): Promise<void> {
    if (!inFlight) {
      inFlight = tryOnce().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  return {
    async submit(request, serverUrl) {
      stopTimer();
      if (inFlight) await inFlight;
      pending = null;
      resumed = false;
      set({ phase: 'sending', step: 'compress', period: request.period, attempt: 0, bytes: null, resumed: false });
      const text = JSON.stringify(request);
      const key = keyForContent(deps.storage, await sha256Hex(`${serverUrl}\n${text}`), deps.now());
      const { body, gzip } = await encodeBody(text);
      const q: QueuedSubmission = {
        key,
        serverUrl,
        period: request.period,
        body,
        gzip,
        size: text.length,
        sheets: request.sheets.map((s) => s.grid.name),
        queuedAt: deps.now().toISOString(),
        attempts: 0,
      };
      try {
        await deps.store.save(q);
        persisted = true;
      } catch {
        // Neither IndexedDB nor localStorage would keep it: it is still retried while the pane is open.
        persisted = false;
      }
      pending = q;
      await attempt();
      return current;
    },
    async resume() {
      if (pending) return current;
      const q = await deps.store.load().catch(() => null);
      if (!q || pending) return current;
      pending = q;
      persisted = true;
      resumed = true;
      await attempt();
      return current;
    },
    async retryNow() {
      if (pending) await attempt();
      return current;
    },
    async cancel() {
      stopTimer();
      pending = null;
      resumed = false;
      await deps.store.clear().catch(() => undefined);
      set({ phase: 'cancelled' });
    },
    state: () => current,
    dispose() {
      disposed = true;
      stopTimer();
      unsubscribe?.();
    },
  };
}
