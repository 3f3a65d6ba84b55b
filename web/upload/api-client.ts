import { MeResponse, PlanResponse, ReviewListResponse, SubmissionReceipt, type SubmissionRequest, ValidationFailedEnvelope } from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';
import { encodeBody, keyForContent, sha256Hex } from '../../shared/request-body.ts';
import { ApiFailure, failureOf, getJson, parseAnswer } from '../common/api.ts';

/**
 * The upload page's calls to the Worker: its reads through web/common/api.ts (relative URLs, time
 * limits, one more try when no answer came), and the submission with upload progress (XHR).
 */

export function fetchMe(token: string): Promise<MeResponse> {
  return getJson('/api/me', token, MeResponse);
}

export function fetchPlan(token: string, year: number): Promise<PlanResponse> {
  return getJson(`/api/plan?year=${encodeURIComponent(String(year))}`, token, PlanResponse);
}

/** GET /api/reviews?period=: a commune token reads its own review of the period, with the comments to fix. */
export function fetchReviews(token: string, period: string): Promise<ReviewListResponse> {
  return getJson(`/api/reviews?period=${encodeURIComponent(period)}`, token, ReviewListResponse);
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

/** The upload page's Idempotency-Keys live for the visit (sessionStorage), apart from the task pane's. */
const KEYS_STORE = 'gnbv.upload.idempotency';

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
    xhr.ontimeout = () => reject(new ApiFailure('timeout', null));
    xhr.onabort = () => reject(new ApiFailure('network', null));
    xhr.timeout = 5 * 60 * 1000;
    xhr.send(body);
  });
}

/** POST /api/submissions with upload progress (XHR), gzip and an Idempotency-Key kept per content. */
export async function submitReport(token: string, request: SubmissionRequest, onProgress: (p: SubmitProgress) => void): Promise<SubmitOutcome> {
  onProgress({ step: 'compress' });
  const text = JSON.stringify(request);
  // One key per content: a retry of the same body (a dropped connection, a reload) gets the first receipt.
  const key = keyForContent(window.sessionStorage, await sha256Hex(text), new Date(), KEYS_STORE);
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
    const receipt = parseAnswer(SubmissionReceipt, res.status, res.text);
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
  throw failureOf(res.status, res.text);
}
