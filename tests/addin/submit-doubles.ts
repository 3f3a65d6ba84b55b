import { gunzipSync } from 'node:zlib';
import type { SubmissionReceipt } from '../../shared/api.ts';
import type { Timers } from '../../addin/submit/submitter.ts';

/** Timers the test fires by hand: what is pending, after how long. */
export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { run: () => void; ms: number }>();

  set(run: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delays of the retry timers waiting (request time-outs are 120 s and left out). */
  retryDelays(): number[] {
    return [...this.pending.values()].map((p) => p.ms).filter((ms) => ms < 120_000);
  }

  /** Runs the retry timer (the one shorter than a request time-out). */
  fireRetry(): void {
    const entry = [...this.pending.entries()].find(([, p]) => p.ms < 120_000);
    if (!entry) throw new Error('no retry timer pending');
    this.pending.delete(entry[0]);
    entry[1].run();
  }
}

export function receipt(overrides: Partial<SubmissionReceipt> = {}): SubmissionReceipt {
  return {
    id: 'sub_0001',
    communeId: 'xuan-hoa',
    period: '2024-Y',
    version: 1,
    receivedAt: '2024-12-05T01:02:03.000Z',
    late: false,
    deadline: '2024-12-10',
    kinds: ['households', 'beneficiaries', 'progress'],
    rowCounts: { households: 50, beneficiaries: 36, progress: 9 },
    checksum: 'ab'.repeat(32),
    rulePack: 'mdp-2022',
    warnings: [],
    ...overrides,
  };
}

export interface SentSubmission {
  url: string;
  headers: Record<string, string>;
  bytes: Buffer;
  json: unknown;
}

type Answer = Response | Error | (() => Response | Error);

/**
 * A scripted server: POST /api/submissions takes the next answer (an Error is a dropped connection);
 * GET /api/plan answers `plan` (500 when absent: the pane falls back to its demo plan).
 */
export function scriptedServer(answers: Answer[], plan?: unknown) {
  const sent: SentSubmission[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url.includes('/api/plan')) return plan === undefined ? new Response('{}', { status: 500 }) : Response.json(plan);
    if (!url.endsWith('/api/submissions') || init?.method !== 'POST') throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const bytes = Buffer.from(new Uint8Array(init.body as ArrayBuffer));
    const text = headers['content-encoding'] === 'gzip' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    sent.push({ url, headers, bytes, json: JSON.parse(text) });
    const next = answers.shift();
    const answer = typeof next === 'function' ? next() : next;
    if (answer === undefined || answer instanceof Error) throw answer ?? new TypeError('Failed to fetch');
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

export const created = (r: SubmissionReceipt = receipt()): Response => Response.json(r, { status: 201 });
export const dropped = (): Error => new TypeError('Failed to fetch');
