import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorEnvelope } from '../shared/api.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './env.ts';
import { errorMessage } from './messages.ts';

/** The one catch point of the app: every error becomes the envelope `{ error: { code, message, issues? } }`. */
export const onError: ErrorHandler<AppEnv> = function onError(err, c) {
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    // Method and path only: bodies, headers and token labels may carry personal data.
    console.error('gnbv: unhandled error', c.req.method, c.req.path, err instanceof Error ? err.stack : String(err));
  }
  return errorResponse(c, apiError);
};

export const notFound: NotFoundHandler<AppEnv> = function notFound(c) {
  return errorResponse(c, new ApiError(404, 'NOT_FOUND'));
};

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    // Hono's own refusals: its validator's unreadable body, or a status set by a middleware.
    if (err.status === 400) return new ApiError(400, /json/i.test(err.message) ? 'MALFORMED_JSON' : 'INVALID_REQUEST');
    if (err.status === 401) return new ApiError(401, 'UNAUTHORIZED');
    if (err.status === 403) return new ApiError(403, 'FORBIDDEN');
    if (err.status === 404) return new ApiError(404, 'NOT_FOUND');
    if (err.status === 413) return new ApiError(413, 'PAYLOAD_TOO_LARGE');
  }
  return new ApiError(500, 'INTERNAL');
}

function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const { issues, params } = error.details;
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: errorMessage(error.code, params),
      ...(issues === undefined ? {} : { issues: [...issues] }),
    },
  };
  if (error.status === 401) c.header('WWW-Authenticate', 'Bearer realm="gnbv"');
  if (error.details.retryAfter !== undefined) c.header('Retry-After', String(error.details.retryAfter));
  return c.json(body, error.status);
}
