import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiIssue, ErrorCode } from '../shared/api.ts';

/** What a message in the catalogue may mention. */
export interface MessageParams {
  /** Request fields at fault, as dotted paths ("commune.id", "year"). */
  fields?: readonly string[];
  year?: number;
  id?: string;
  /** How many errors blocked a submission. */
  count?: number;
  /** How long to wait before trying again. */
  minutes?: number;
}

/**
 * The one error the Worker throws on purpose: an HTTP status and a stable code, plus data for the
 * message. Text is made only at the edge (worker/error-handler.ts) from worker/messages.ts.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly details: {
      params?: MessageParams;
      issues?: readonly ApiIssue[];
      /** Seconds, sent as Retry-After (429). */
      retryAfter?: number;
    } = {},
  ) {
    super(code);
  }
}
