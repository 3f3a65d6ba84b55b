import { DistrictSummaryResponse, MeResponse, StatusResponse, SubmissionDetail, SubmissionListResponse } from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';
import { getJson } from '../common/api.ts';

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
