import type { z } from 'zod';
import {
  ErrorEnvelope,
  MeResponse,
  PlanResponse,
  SubmissionReceipt,
  type SubmissionRequest,
  ValidationFailedEnvelope,
} from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';

/**
 * The page's calls to the Worker. Every URL is relative (/api/…), so the token only ever goes to
 * the origin that served the page; the page's Content-Security-Policy (connect-src 'self') holds
 * the same line in the browser.
 */

/** Why a call failed, as data: the page turns it into text. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'bad-answer',
    readonly status: number | null,
    /** The envelope's code and message (Vietnamese first) for an HTTP error. */
    readonly code: string | null = null,
    readonly serverMessage: string | null = null,
  ) {
    super(`${kind}${status === null ? '' : ` ${status}`}${code === null ? '' : ` ${code}`}`);
    this.name = 'ApiFailure';
  }
}

function parseEnvelope(status: number, text: string): ApiFailure {
  try {
    const env = ErrorEnvelope.safeParse(JSON.parse(text));
    if (env.success) return new ApiFailure('http', status, env.data.error.code, env.data.error.message);
  } catch {
    /* not JSON: a proxy's page */
  }
  return new ApiFailure('http', status);
}

function parseBody<S extends z.ZodType>(schema: S, status: number, text: string): z.infer<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    /* falls through */
  }
  throw new ApiFailure('bad-answer', status);
}

async function getJson<S extends z.ZodType>(path: string, token: string, schema: S): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure('network', null);
  }
  const text = await res.text();
  if (!res.ok) throw parseEnvelope(res.status, text);
  return parseBody(schema, res.status, text);
}

export function fetchMe(token: string): Promise<MeResponse> {
  return getJson('/api/me', token, MeResponse);
}

export function fetchPlan(token: string, year: number): Promise<PlanResponse> {
  return getJson(`/api/plan?year=${encodeURIComponent(String(year))}`, token, PlanResponse);
}

// ---- submitting -------------------------------------------------------------------------------

export type SubmitStep = 'compress' | 'upload' | 'server' | 'done';

export interface SubmitProgress {
  step: SubmitStep;
  /** 0..1 while uploading, where the browser reports it. */
  fraction?: number;
}

export type SubmitOutcome =
  | { accepted: true; receipt: SubmissionReceipt }
  /** 422: the server's engine found errors; nothing was stored. */
  | { accepted: false; issues: Issue[]; message: string };

/** The request body, gzip-compressed where the browser can (CompressionStream), else as is. */
export async function encodeBody(text: string): Promise<{ body: ArrayBuffer; gzip: boolean }> {
  const plain = new Blob([text], { type: 'application/json' });
  if (typeof CompressionStream === 'undefined') return { body: await plain.arrayBuffer(), gzip: false };
  const compressed = await new Response(plain.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return { body: compressed, gzip: true };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const KEYS_STORE = 'gnbv.upload.idempotency';

/**
 * One Idempotency-Key per content: a retry of the same body (after a dropped connection, a reload)
 * reuses it, so the server answers with the first receipt instead of storing a second version.
 * Kept in sessionStorage, by the body's SHA-256 (not the body: it holds personal data).
 */
export async function idempotencyKeyFor(text: string): Promise<string> {
  const hash = await sha256Hex(text);
  let keys: Record<string, string> = {};
  try {
    const stored = window.sessionStorage.getItem(KEYS_STORE);
    if (stored) keys = JSON.parse(stored) as Record<string, string>;
  } catch {
    keys = {};
  }
  const known = keys[hash];
  if (typeof known === 'string') return known;
  const key = crypto.randomUUID();
  try {
    // The server keeps a key 24 hours; a handful per visit is plenty.
    const recent = Object.entries(keys).slice(-19);
    window.sessionStorage.setItem(KEYS_STORE, JSON.stringify(Object.fromEntries([...recent, [hash, key]])));
  } catch {
    /* storage blocked: the key lives as long as this call */
  }
  return key;
}

function post(path: string, token: string, body: ArrayBuffer, headers: Record<string, string>, onUpload: (fraction: number) => void, onSent: () => void): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onUpload(e.loaded / e.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiFailure('network', null));
    xhr.ontimeout = () => reject(new ApiFailure('network', null));
    xhr.onabort = () => reject(new ApiFailure('network', null));
    xhr.timeout = 5 * 60 * 1000;
    xhr.send(body);
  });
}

/** POST /api/submissions with upload progress (XHR), gzip and an Idempotency-Key kept per content. */
export async function submitReport(token: string, request: SubmissionRequest, onProgress: (p: SubmitProgress) => void): Promise<SubmitOutcome> {
  onProgress({ step: 'compress' });
  const text = JSON.stringify(request);
  const key = await idempotencyKeyFor(text);
  const { body, gzip } = await encodeBody(text);
  onProgress({ step: 'upload', fraction: 0 });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': key };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  const res = await post(
    '/api/submissions',
    token,
    body,
    headers,
    (fraction) => onProgress({ step: 'upload', fraction }),
    () => onProgress({ step: 'server' }),
  );
  if (res.status === 201 || res.status === 200) {
    const receipt = parseBody(SubmissionReceipt, res.status, res.text);
    onProgress({ step: 'done' });
    return { accepted: true, receipt };
  }
  if (res.status === 422) {
    try {
      const env = ValidationFailedEnvelope.safeParse(JSON.parse(res.text));
      if (env.success) return { accepted: false, issues: env.data.error.issues, message: env.data.error.message };
    } catch {
      /* falls through to the generic envelope */
    }
  }
  throw parseEnvelope(res.status, res.text);
}
