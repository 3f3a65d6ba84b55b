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
import { ApiFailure, failureOf, getJson, parseAnswer } from '../common/api.ts';

/** The district page's reads (web/common/api.ts: relative URLs, time limits, one more try when no answer came). */

const q = encodeURIComponent;

export function fetchMe(token: string): Promise<MeResponse> {
  return getJson('/api/me', token, MeResponse);
}

export function fetchStatus(token: string, period: Period, signal?: AbortSignal): Promise<StatusResponse> {
  return getJson(`/api/status?period=${q(period)}`, token, StatusResponse, { signal });
}

/** The figures of the charts: counts and money per commune and for the unit, no personal data (not a recorded download). */
export function fetchDistrictSummary(token: string, period: Period, signal?: AbortSignal): Promise<DistrictSummaryResponse> {
  return getJson(`/api/district/summary?period=${q(period)}`, token, DistrictSummaryResponse, { signal });
}

/** Every version a commune sent for the period, newest first. */
export async function fetchVersions(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<SubmissionListResponse['submissions']> {
  const body = await getJson(`/api/submissions?communeId=${q(communeId)}&period=${q(period)}`, token, SubmissionListResponse, { signal });
  return [...body.submissions].sort((a, b) => b.version - a.version);
}

export function fetchVersion(token: string, id: string, signal?: AbortSignal): Promise<SubmissionDetail> {
  return getJson(`/api/submissions/${q(id)}`, token, SubmissionDetail, { signal });
}

/** The review of one commune's report for the period (GET /api/reviews?period=&communeId=). */
export async function fetchReview(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<ReviewListResponse['reviews'][number] | null> {
  const body = await getJson(`/api/reviews?period=${q(period)}&communeId=${q(communeId)}`, token, ReviewListResponse, { signal });
  return body.reviews[0] ?? null;
}

export function fetchAudit(token: string, communeId: string, period: Period, signal?: AbortSignal): Promise<ReviewAuditResponse> {
  return getJson(`/api/reviews/${q(communeId)}/${q(period)}/audit`, token, ReviewAuditResponse, { signal });
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
  let res: Response;
  let text: string;
  try {
    res = await fetch(`/api/reviews/${q(communeId)}/${q(period)}/${action}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    text = await res.text();
  } catch {
    throw new ApiFailure('network', null);
  }
  if (!res.ok) throw failureOf(res.status, text);
  return parseAnswer(ReviewActionResponse, res.status, text);
}
