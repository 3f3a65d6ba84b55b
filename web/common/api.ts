/// <reference path="../../types/worker-bindings.d.ts" />
import type { z } from 'zod';
import { ErrorEnvelope } from '../../shared/api.ts';
import { type GnbvClient, gnbvClient } from '../../worker/client.ts';

/**
 * The pages' calls to the Worker, through the typed client `api` (worker/client.ts) or by path.
 * Every URL is relative (/api/…), so the token only goes to the origin that served the page; the
 * Content-Security-Policy (connect-src 'self') holds the same line.
 *
 * No call waits forever: the answer must begin within ANSWER_TIMEOUT_MS and arrive within
 * BODY_TIMEOUT_MS once begun (a stream: no pause longer than that between pieces). A GET that got
 * no answer (network failure or timeout) is sent once more after RETRY_DELAY_MS: a GET changes
 * nothing on the server, so trying again is safe. What still fails is an ApiFailure the page turns
 * into a message with a "Thử lại" button.
 */
export const ANSWER_TIMEOUT_MS = 15_000;
export const BODY_TIMEOUT_MS = 120_000;
const RETRY_DELAY_MS = 500;

/** Why a call failed, as data: the page turns it into text. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'http' | 'bad-answer' | 'aborted',
    readonly status: number | null,
    /** The envelope's code and message (Vietnamese first, English in brackets) for an HTTP error. */
    readonly code: string | null = null,
    readonly serverMessage: string | null = null,
  ) {
    super(`${kind}${status === null ? '' : ` ${status}`}${code === null ? '' : ` ${code}`}`);
    this.name = 'ApiFailure';
  }
}

/** Worth offering "Thử lại": no answer came, or the server failed (5xx); not a refusal, nor a page gone on. */
export function isRetryable(e: unknown): boolean {
  return unanswered(e) || (e instanceof ApiFailure && e.kind === 'http' && (e.status ?? 0) >= 500);
}

/** An HTTP error answer: the envelope's code and message where the body is one, else the status alone. */
export function failureOf(status: number, text: string): ApiFailure {
  try {
    const env = ErrorEnvelope.safeParse(JSON.parse(text));
    if (env.success) return new ApiFailure('http', status, env.data.error.code, env.data.error.message);
  } catch {
    /* not JSON: a proxy's page */
  }
  return new ApiFailure('http', status);
}

/** A successful answer's body read with its schema; anything else is a 'bad-answer'. */
export function parseAnswer<S extends z.ZodType>(schema: S, status: number, text: string): z.infer<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    /* falls through */
  }
  throw new ApiFailure('bad-answer', status);
}

export interface CallOptions {
  /** The page's own abort (another period chosen, the dialog closed): an 'aborted' failure, never retried. */
  signal?: AbortSignal;
  answerTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

/** One try of a call: its own abort, linked to the page's signal, and a time limit that can be moved on. */
class Attempt {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly abort = (): void => this.controller.abort();

  constructor(private readonly outer: AbortSignal | undefined) {
    if (outer?.aborted) this.controller.abort();
    outer?.addEventListener('abort', this.abort);
  }

  /** From now on, `ms` at the most. */
  limit(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
  }

  /** Waits for a step on the network; its failure becomes an ApiFailure (a timeout, the page's abort, or the network). */
  async wait<T>(step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch {
      if (this.timedOut) throw new ApiFailure('timeout', null);
      if (this.outer?.aborted) throw new ApiFailure('aborted', null);
      throw new ApiFailure('network', null);
    }
  }

  end(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.abort);
  }
}

/** The pages' typed client: relative URLs, through the page's fetch. */
export const api: GnbvClient = /* @__PURE__ */ gnbvClient('');

/** One try's options (a ClientRequestOptions of hc): the token, what is accepted, the try's abort; same-origin credentials. */
export interface TryOptions {
  headers: Record<string, string>;
  init: RequestInit;
}

function tryOptions(token: string, accept: string, attempt: Attempt): TryOptions {
  return {
    headers: { Authorization: `Bearer ${token}`, Accept: accept },
    init: { credentials: 'same-origin', signal: attempt.controller.signal },
  };
}

/** A request made with one try's options: a call of `api`, or a GET of a path. */
type Send = (options: TryOptions) => Promise<{ status: number; text(): Promise<string> }>;

function byPath(path: string): (options: TryOptions) => Promise<Response> {
  return (options) => fetch(path, { headers: options.headers, ...options.init });
}

async function getTextOnce(send: Send, token: string, options: CallOptions): Promise<{ status: number; text: string }> {
  const attempt = new Attempt(options.signal);
  try {
    attempt.limit(options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS);
    const res = await attempt.wait(send(tryOptions(token, 'application/json', attempt)));
    attempt.limit(options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
    return { status: res.status, text: await attempt.wait(res.text()) };
  } finally {
    attempt.end();
  }
}

/** No answer came (a network failure or a timeout): safe to send again when the server would store it once. */
export function unanswered(e: unknown): boolean {
  return e instanceof ApiFailure && (e.kind === 'network' || e.kind === 'timeout');
}

/** GET a JSON answer and read it with its schema; sent once more when the first try got no answer. */
export function getJson<S extends z.ZodType>(path: string, token: string, schema: S, options: CallOptions = {}): Promise<z.infer<S>> {
  return getWithRetry(byPath(path), token, schema, options);
}

/**
 * A GET of the typed client (`(o) => api.api.plan.$get({ query }, o)`) read with its schema, which
 * must give the type the route answers with; sent once more when the first try got no answer.
 */
export function callJson<T>(call: (options: TryOptions) => Promise<{ json(): Promise<T>; status: number; text(): Promise<string> }>, token: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
  return getWithRetry(call, token, schema, options);
}

async function getWithRetry<S extends z.ZodType>(send: Send, token: string, schema: S, options: CallOptions): Promise<z.infer<S>> {
  let answer: { status: number; text: string };
  try {
    answer = await getTextOnce(send, token, options);
  } catch (e) {
    if (!unanswered(e)) throw e;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    if (options.signal?.aborted) throw new ApiFailure('aborted', null);
    answer = await getTextOnce(send, token, options);
  }
  if (answer.status < 200 || answer.status > 299) throw failureOf(answer.status, answer.text);
  return parseAnswer(schema, answer.status, answer.text);
}

export interface StreamReader {
  /** The answer has begun (status 2xx): its headers. */
  onHeaders(headers: Headers): void;
  onChunk(chunk: Uint8Array): void;
}

/**
 * GET an answer read piece by piece (the merged workbook, written as the Worker reads D1). Not
 * retried: the server records every such download. The time limits are the answer's start and the
 * longest pause between pieces.
 */
export async function getStream(path: string, token: string, accept: string, reader: StreamReader, options: CallOptions = {}): Promise<void> {
  const attempt = new Attempt(options.signal);
  try {
    attempt.limit(options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS);
    const res = await attempt.wait(byPath(path)(tryOptions(token, accept, attempt)));
    if (!res.ok) {
      attempt.limit(options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
      // The envelope if it comes; the status is enough without it.
      throw failureOf(res.status, await res.text().catch(() => ''));
    }
    if (res.body === null) throw new ApiFailure('bad-answer', res.status);
    reader.onHeaders(res.headers);
    const body = res.body.getReader();
    for (;;) {
      attempt.limit(options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
      const { done, value } = await attempt.wait(body.read());
      if (done) return;
      reader.onChunk(value);
    }
  } finally {
    attempt.end();
  }
}
