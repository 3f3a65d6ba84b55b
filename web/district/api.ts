import {
  DistrictSummaryResponse,
  MeResponse,
  ReviewActionResponse,
  ReviewAuditResponse,
  type ReviewComment,
  type ReviewerAction,
  ReviewListResponse,
  StatusResponse,
  SubmissionDetail,
  SubmissionListResponse,
} from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';
import { ApiFailure, api, callJson, failureOf, parseAnswer } from '../common/api.ts';

/**
 * The district page's calls, on the typed client (web/common/api.ts: relative URLs, time limits, one
 * more try when no answer came); each answer is read with the schema of the route's type.
 */

/** A path parameter as it goes in the URL (the typed client puts it in as given). */
const q = encodeURIComponent;

export function fetchMe(token: string): Promise<MeResponse> {
  return callJson((o) => api.api.me.$get(undefined, o), token, MeResponse);
}

export function fetchStatus(token: string, period: Period, signal?: AbortSignal): Promise<StatusResponse> {
  return callJson((o) => api.api.status.$get({ query: { period } }, o), token, StatusResponse, { signal });
}

/** The figures of the charts: counts and money per commune and for the unit, no personal data (not a recorded download). */
export function fetchDistrictSummary(token: string, period: Period, signal?: AbortSignal): Promise<DistrictSummaryResponse> {
  return callJson((o) => api.api.district.summary.$get({ query: { period } }, o), token, DistrictSummaryResponse, { signal });
}

/** Every version a commune sent for the period, newest first. */
export async function fetchVersions(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<SubmissionListResponse['submissions']> {
  const query = { communeId, period };
  const body = await callJson((o) => api.api.submissions.$get({ query }, o), token, SubmissionListResponse, { signal });
  return [...body.submissions].sort((a, b) => b.version - a.version);
}

export function fetchVersion(token: string, id: string, signal?: AbortSignal): Promise<SubmissionDetail> {
  return callJson((o) => api.api.submissions[':id'].$get({ param: { id: q(id) } }, o), token, SubmissionDetail, { signal });
}

/** The review of one commune's report for the period (GET /api/reviews?period=&communeId=). */
export async function fetchReview(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<ReviewListResponse['reviews'][number] | null> {
  const body = await callJson((o) => api.api.reviews.$get({ query: { period, communeId } }, o), token, ReviewListResponse, { signal });
  return body.reviews[0] ?? null;
}

export function fetchAudit(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<ReviewAuditResponse> {
  const param = { communeId: q(communeId), period: q(period) };
  return callJson((o) => api.api.reviews[':communeId'][':period'].audit.$get({ param }, o), token, ReviewAuditResponse, { signal });
}

/**
 * POST /api/reviews/{communeId}/{period}/{accept|return|reopen}, with the version the officer saw.
 * Sent once, never retried by itself: the officer sees the answer and decides.
 */
export async function postReview(
  token: string,
  communeId: string,
  period: Period,
  action: ReviewerAction,
  body: { comments: ReviewComment[]; version?: number },
): Promise<ReviewActionResponse> {
  let res: { ok: boolean; status: number; text(): Promise<string> };
  let text: string;
  try {
    res = await api.api.reviews[':communeId'][':period'][':action'].$post(
      { param: { communeId: q(communeId), period: q(period), action }, json: body },
      { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, init: { credentials: 'same-origin' } },
    );
    text = await res.text();
  } catch {
    throw new ApiFailure('network', null);
  }
  if (!res.ok) throw failureOf(res.status, text);
  return parseAnswer(ReviewActionResponse, res.status, text);
}
