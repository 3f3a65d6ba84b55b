import { type ClientRequestOptions, type InferResponseType, hc } from 'hono/client';
import type { z } from 'zod';
import { SubmissionReceipt, ValidationFailedEnvelope } from '../shared/api.ts';
import type { AppType } from './index.ts';

/**
 * The typed client of the GNBV API, the one every client goes through (the CLI, the task pane's
 * submission, the pages): `gnbvClient(server, { fetch }).api.plan.$get({ query: { year: '2024' } })`.
 * A route whose request or response type changes breaks its callers' typecheck.
 *
 * This module loads only hono/client: the Worker comes in for its types alone, so a bundle of a
 * client carries none of it. Programs outside the Worker that type-check it (DOM, Node) reference
 * types/worker-bindings.d.ts for the bindings the Worker's source names.
 * Errors come back as responses with the envelope `{ error: { code, message, issues? } }`
 * (parse with ErrorEnvelope from shared/api.ts).
 */
export type GnbvClient = ReturnType<typeof hc<AppType>>;

/** Each client's transport (time limits, retries, progress) is the `fetch` it passes. */
export function gnbvClient(baseUrl: string, options: ClientRequestOptions = {}): GnbvClient {
  return hc<AppType>(baseUrl, options);
}

/** A client that sends the token on every request. */
export function createClient(baseUrl: string, token: string, options: { fetch?: typeof fetch } = {}): GnbvClient {
  return gnbvClient(baseUrl, {
    headers: { Authorization: `Bearer ${token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

/**
 * A JSON answer read with its schema (shared/api.ts), which must give the type the route answers
 * with as hc infers it: the route, the schema and the caller cannot drift apart.
 */
export async function readJson<T>(answer: { json(): Promise<T> }, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await answer.json());
}

type SubmissionAnswer<S extends 201 | 422> = InferResponseType<GnbvClient['api']['submissions']['$post'], S>;

/**
 * The schemas of POST /api/submissions' answers, checked to give the types the route answers with.
 */
export const SubmissionAnswers: { accepted: z.ZodType<SubmissionAnswer<201>>; refused: z.ZodType<SubmissionAnswer<422>> } = {
  accepted: SubmissionReceipt,
  refused: ValidationFailedEnvelope,
};
