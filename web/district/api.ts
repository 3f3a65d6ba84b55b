import type { z } from 'zod';
import { DistrictSummaryResponse, ErrorEnvelope, MeResponse, StatusResponse, SubmissionDetail, SubmissionListResponse } from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';

/**
 * The page's calls to the Worker. Every URL is relative (/api/…), so the token only goes to the
 * origin that served the page; the Content-Security-Policy (connect-src 'self') holds the same line.
 */

/** Why a call failed, as data: the page turns it into text. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'bad-answer' | 'aborted',
    readonly status: number | null,
    readonly code: string | null = null,
    /** The envelope's message (Vietnamese first, English in brackets). */
    readonly serverMessage: string | null = null,
  ) {
    super(`${kind}${status === null ? '' : ` ${status}`}${code === null ? '' : ` ${code}`}`);
    this.name = 'ApiFailure';
  }
}

export function failureOf(res: Response, text: string): ApiFailure {
  try {
    const env = ErrorEnvelope.safeParse(JSON.parse(text));
    if (env.success) return new ApiFailure('http', res.status, env.data.error.code, env.data.error.message);
  } catch {
    /* not JSON: a proxy's page */
  }
  return new ApiFailure('http', res.status);
}

export function authHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** fetch, with a network failure or an abort turned into an ApiFailure. */
export async function request(path: string, token: string, accept: string, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, { headers: { ...authHeaders(token), Accept: accept }, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw new ApiFailure('aborted', null);
    throw new ApiFailure('network', null);
  }
}

async function getJson<S extends z.ZodType>(path: string, token: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await request(path, token, 'application/json', signal);
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw new ApiFailure('aborted', null);
    throw new ApiFailure('network', null);
  }
  if (!res.ok) throw failureOf(res, text);
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    /* falls through */
  }
  throw new ApiFailure('bad-answer', res.status);
}

const q = encodeURIComponent;

export function fetchMe(token: string): Promise<MeResponse> {
  return getJson('/api/me', token, MeResponse);
}

export function fetchStatus(token: string, period: Period, signal?: AbortSignal): Promise<StatusResponse> {
  return getJson(`/api/status?period=${q(period)}`, token, StatusResponse, signal);
}

/** The figures of the charts: counts and money per commune and for the unit, no personal data (not a recorded download). */
export function fetchDistrictSummary(token: string, period: Period, signal?: AbortSignal): Promise<DistrictSummaryResponse> {
  return getJson(`/api/district/summary?period=${q(period)}`, token, DistrictSummaryResponse, signal);
}

/** Every version a commune sent for the period, newest first. */
export async function fetchVersions(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<SubmissionListResponse['submissions']> {
  const body = await getJson(`/api/submissions?communeId=${q(communeId)}&period=${q(period)}`, token, SubmissionListResponse, signal);
  return [...body.submissions].sort((a, b) => b.version - a.version);
}

export function fetchVersion(token: string, id: string, signal?: AbortSignal): Promise<SubmissionDetail> {
  return getJson(`/api/submissions/${q(id)}`, token, SubmissionDetail, signal);
}
