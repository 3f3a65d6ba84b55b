import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod';
import { vi } from 'zod/locales';
import type { ApiIssue, ErrorCode } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../env.ts';

type Target = 'json' | 'query' | 'param';

/** Zod's messages in Vietnamese for the issues of a refused request. */
const vietnamese = vi().localeError;

export function toApiIssues(issues: readonly z.core.$ZodIssue[]): ApiIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    code: issue.code,
    message: issue.message,
  }));
}

export function issueFields(issues: readonly ApiIssue[]): string[] {
  return [...new Set(issues.map((issue) => issue.path.join('.')).filter((field) => field !== ''))];
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Validates one part of the request with a zod schema from shared/api.ts. A refusal is a 400
 * INVALID_REQUEST naming the fields (or `refusal`, e.g. 422 INVALID_PLAN); malformed JSON is a
 * 400 MALFORMED_JSON (thrown by Hono's validator, mapped in the error handler).
 */
export function validate<T extends z.ZodType, U extends Target>(
  target: U,
  schema: T,
  refusal: { status: 400 | 422; code: ErrorCode } = { status: 400, code: 'INVALID_REQUEST' },
): MiddlewareHandler<AppEnv, string, { in: { [K in U]: z.input<T> }; out: { [K in U]: z.output<T> } }> {
  const middleware = validator(target, async (value, c) => {
    if (target === 'json') {
      const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
      if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const result = await schema.safeParseAsync(value, { error: vietnamese });
    if (!result.success) {
      const issues = toApiIssues(result.error.issues);
      throw new ApiError(refusal.status, refusal.code, { issues, params: { fields: issueFields(issues) } });
    }
    return result.data;
  });
  return middleware as unknown as MiddlewareHandler<
    AppEnv,
    string,
    { in: { [K in U]: z.input<T> }; out: { [K in U]: z.output<T> } }
  >;
}
