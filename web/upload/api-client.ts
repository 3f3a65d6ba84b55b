import { MeResponse, PlanResponse, ReviewListResponse, type SubmissionReceipt, type SubmissionRequest } from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';
import { encodeBody, keyForContent, sha256Hex } from '../../shared/request-body.ts';
import { SubmissionAnswers } from '../../worker/client.ts';
import { ApiFailure, api, callJson, failureOf, parseAnswer } from '../common/api.ts';

/**
 * The upload page's calls to the Worker, on the typed client: its reads through web/common/api.ts
 * (relative URLs, time limits, one more try when no answer came), and the submission with upload
 * progress (XHR as the client's fetch).
 */

export function fetchMe(token: string): Promise<MeResponse> {
  return callJson((o) => api.api.me.$get(undefined, o), token, MeResponse);
}

export function fetchPlan(token: string, year: number): Promise<PlanResponse> {
  return callJson((o) => api.api.plan.$get({ query: { year: String(year) } }, o), token, PlanResponse);
}

/** GET /api/reviews?period=: a commune token reads its own review of the period, with the comments to fix. */
export function fetchReviews(token: string, period: string): Promise<ReviewListResponse> {
  return callJson((o) => api.api.reviews.$get({ query: { period } }, o), token, ReviewListResponse);
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

/** Statuses whose answer has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The client's fetch for the submission: XHR, for its upload progress; no answer is an ApiFailure. */
function xhrFetch(onUpload: (fraction: number) => void, onSent: () => void): typeof fetch {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'GET', input instanceof Request ? input.url : String(input));
      new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onUpload(e.loaded / e.total);
      };
      xhr.upload.onload = () => onSent();
      xhr.onload = () => {
        // A status no Response can carry (0) is refused as the server's answer would be.
        if (xhr.status < 200 || xhr.status > 599) reject(failureOf(xhr.status, xhr.responseText));
        else resolve(new Response(NO_BODY.has(xhr.status) ? null : xhr.responseText, { status: xhr.status }));
      };
      xhr.onerror = () => reject(new ApiFailure('network', null));
      xhr.ontimeout = () => reject(new ApiFailure('timeout', null));
      xhr.onabort = () => reject(new ApiFailure('network', null));
      xhr.timeout = 5 * 60 * 1000;
      xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
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
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Idempotency-Key': key,
  };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  // The gzip bytes go through `init`: hc sends its typed `json` as JSON text (worker/routes/submissions.ts).
  const res = await api.api.submissions.$post(undefined, {
    headers,
    init: { body },
    fetch: xhrFetch(
      (fraction) => onProgress({ step: 'upload', fraction }),
      () => onProgress({ step: 'server' }),
    ),
  });
  const answer = await res.text();
  // The route answers 201 (a repeat too); a 200 is taken as well, as it always was.
  if (res.status === 201 || (res.status as number) === 200) {
    const receipt = parseAnswer(SubmissionAnswers.accepted, res.status, answer);
    onProgress({ step: 'done' });
    return { accepted: true, receipt };
  }
  if (res.status === 422) {
    try {
      const env = SubmissionAnswers.refused.safeParse(JSON.parse(answer));
      if (env.success) return { accepted: false, issues: env.data.error.issues, message: env.data.error.message };
    } catch {
      /* falls through to the generic envelope */
    }
  }
  const other: { status: number } = res;
  throw failureOf(other.status, answer);
}
