import { Gunzip } from 'fflate';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type * as z from 'zod';
import { vi } from 'zod/locales';
import {
  type RowCounts,
  SubmissionParams,
  type SubmissionReceipt,
  SubmissionRequest,
  SubmissionsQuery,
  type SubmissionDetail,
  type SubmissionListResponse,
  type ValidationFailedEnvelope,
} from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { type Finding, type Issue, hasErrors, severityOf } from '../../shared/issues.ts';
import { withText } from '../../shared/messages.ts';
import { isLate, periodDeadline, periodYear } from '../../shared/periods.ts';
import { type SheetKind, STORED_KINDS, isSheetKind } from '../../shared/sheet-kind.ts';
import { type WorkbookResult, validateWorkbook } from '../../shared/validate.ts';
import { ApiError } from '../api-error.ts';
import { errorMessage } from '../messages.ts';
import { sha256Hex } from '../crypto.ts';
import { findPlan } from '../db/queries.ts';
import {
  IDEMPOTENCY_TTL_MS,
  type NewSubmission,
  type PartName,
  ROWS_PER_CHUNK,
  SHEETS_CHUNK_CHARS,
  deleteExpiredIdempotencyKeys,
  findCommuneOfSubmission,
  findIdempotencyKey,
  findSubmission,
  insertSubmission,
  latestHouseholdSubmission,
  listSubmissions,
  readSheets,
  ReviewLockedError,
} from '../db/submissions.ts';
import { findReviewState } from '../db/reviews.ts';
import { transition } from '../../shared/review.ts';
import type { AppEnv } from '../env.ts';
import { clock } from '../clock.ts';
import { allow, ownDb } from '../middleware/allow.ts';
import { issueFields, toApiIssues, validate } from '../middleware/validate.ts';
import type { Principal } from '../principal.ts';

/** A submission body (after gzip) above this is refused with 413: a 20,000-row list is ~4 MB. */
export const MAX_SUBMISSION_BYTES = 24 * 1024 * 1024;
const MAX_KEY_LENGTH = 200;

const vietnamese = vi().localeError;

/** Reads a stream to its end, refusing more than the limit (413). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  reader.closed.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SUBMISSION_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

/** gunzip with the same limit on what comes out (a small body may expand to gigabytes). */
function gunzip(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Gunzip((chunk) => {
    size += chunk.byteLength;
    if (size > MAX_SUBMISSION_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  });
  try {
    const step = 64 * 1024;
    for (let i = 0; i < bytes.byteLength; i += step) stream.push(bytes.subarray(i, i + step), i + step >= bytes.byteLength);
    if (bytes.byteLength === 0) throw new Error('empty gzip body');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'MALFORMED_JSON');
  }
  return concat(chunks, size);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as text: JSON only, identity or gzip, never more than the limit (also after decompression). */
async function readBodyText(c: Context<AppEnv>): Promise<string> {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
  const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') throw new ApiError(415, 'UNSUPPORTED_ENCODING');
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > MAX_SUBMISSION_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE');
  const raw = c.req.raw.body;
  if (raw === null) throw new ApiError(400, 'MALFORMED_JSON');
  const received = await readAll(raw);
  const bytes = encoding === 'gzip' ? gunzip(received) : received;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON');
  }
}

function parseRequest(text: string): SubmissionRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON');
  }
  const result = SubmissionRequest.safeParse(json, { error: vietnamese });
  if (!result.success) {
    const issues = toApiIssues(result.error.issues).slice(0, 50);
    throw new ApiError(400, 'INVALID_REQUEST', { issues, params: { fields: issueFields(issues) } });
  }
  return result.data;
}

function splitText(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    // Never split a surrogate pair: each chunk must be valid text on its own.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length > 0 ? out : [''];
}

function pages<T>(rows: readonly T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) out.push(JSON.stringify(rows.slice(i, i + ROWS_PER_CHUNK)));
  return out;
}

/** The kinds stored with the submission: a summary table is checked, never stored (see TableKind). */
function kindsOf(result: WorkbookResult): SheetKind[] {
  const kinds = new Set<SheetKind>();
  for (const s of result.sheets) if (s.kind && isSheetKind(s.kind)) kinds.add(s.kind);
  return STORED_KINDS.map((k) => k.id).filter((k) => kinds.has(k));
}

function commune(principal: Principal): Extract<Principal, { role: 'commune' }> {
  if (principal.role !== 'commune') throw new ApiError(403, 'FORBIDDEN');
  return principal;
}

async function receiptFor(db: D1Database, id: string): Promise<SubmissionReceipt> {
  const found = await findSubmission(db, id);
  if (found === null) throw new ApiError(404, 'SUBMISSION_NOT_FOUND', { params: { id } });
  const { communeName: _n, submittedBy: _s, warningCount: _w, ...receipt } = found;
  return receipt;
}

/** The commune's or the district's view of one submission; anyone else gets 404, not a hint. */
async function assertCanRead(db: D1Database, principal: Principal, id: string): Promise<void> {
  const owner = await findCommuneOfSubmission(db, id);
  const allowed =
    owner !== null &&
    ((principal.role === 'commune' && principal.communeId === owner.communeId) ||
      (principal.role === 'district' && principal.regionId === owner.regionId));
  if (!allowed) throw new ApiError(404, 'SUBMISSION_NOT_FOUND', { params: { id } });
}

/**
 * The body's type for the typed client: `$post({ json })` sends a SubmissionRequest as JSON text.
 * The handler reads the body itself (raw, identity or gzip, with its own limit, parsed with the
 * schema), so this declares the type and reads nothing. `json` is optional because the task pane
 * and the upload page send their gzip bytes through `init.body`: hc's `json` is always sent as
 * JSON text (and `init` overrides the body it makes), so bytes cannot go as typed args.
 */
const submissionBody: MiddlewareHandler<AppEnv, string, { in: { json?: z.input<typeof SubmissionRequest> } }> = async function submissionBody(_c, next) {
  await next();
};

export const submissions = new Hono<AppEnv>()
  /**
   * POST /api/submissions — the server runs the very same engine on the very same grids and
   * mappings; 422 with the issues when any error, else every row stored as the next version.
   */
  .post('/', allow('commune'), submissionBody, async (c) => {
    const principal = commune(c.var.principal);
    const db = await ownDb(c);
    const key = c.req.header('Idempotency-Key')?.trim() ?? null;
    if (key !== null && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
      throw new ApiError(400, 'INVALID_REQUEST', { params: { fields: ['Idempotency-Key'] } });
    }
    const text = await readBodyText(c);
    const request = parseRequest(text);
    const bodyHash = await sha256Hex(text);
    const scope = principal.tokenId;
    const now = clock.now();

    if (key !== null) {
      await deleteExpiredIdempotencyKeys(db, scope, key, new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString());
      const seen = await findIdempotencyKey(db, scope, key, new Date(0).toISOString());
      if (seen) {
        if (seen.bodyHash !== bodyHash) throw new ApiError(409, 'IDEMPOTENCY_CONFLICT');
        return c.json(await receiptFor(db, seen.submissionId), 201);
      }
    }

    // An accepted report is locked (shared/review.ts): said before the engine runs; the lock
    // trigger says it again inside the insert, should the district accept meanwhile.
    const review = await findReviewState(db, principal.communeId, request.period);
    const submit = transition(review?.state ?? 'missing', 'submit', 'commune');
    if (!submit.ok) throw new ApiError(409, 'REVIEW_LOCKED');

    const year = periodYear(request.period);
    const plan = await findPlan(db, principal.communeId, year);
    if (plan === null) throw new ApiError(404, 'PLAN_NOT_FOUND', { params: { year } });

    const sheets = request.sheets.map((s) => (s.mapping ? { grid: s.grid, mapping: s.mapping } : { grid: s.grid }));
    let result = validateWorkbook(sheets, { plan, period: request.period, keepRecords: true });
    if (result.beneficiaries.length > 0 && result.households.length === 0) {
      // No household sheet: check against the commune's latest accepted household list of the year.
      const latest = await latestHouseholdSubmission(db, principal.communeId, year);
      if (latest !== null) {
        const households: Grid[] = (await readSheets(db, latest)).map((s) => s.grid);
        result = validateWorkbook(sheets, { plan, period: request.period, households, keepRecords: true });
      }
    }
    if (hasErrors(result.issues)) {
      const count = result.issues.filter((i) => i.severity === 'error').length;
      const body: ValidationFailedEnvelope = {
        error: { code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED', { count }), issues: result.issues },
      };
      return c.json(body, 422);
    }

    const late = isLate(request.period, now, plan.deadlines);
    const deadline = periodDeadline(request.period, plan.deadlines);
    const warnings: Issue[] = [...result.issues];
    if (late) {
      const finding: Finding = {
        code: 'SUBMIT.LATE',
        severity: severityOf('SUBMIT.LATE'),
        sheet: '',
        row: null,
        column: null,
        field: null,
        value: now.toISOString(),
        expected: deadline,
      };
      warnings.push(withText(finding, 'vi'));
    }
    // Each stored kind's records (shared/kinds/registry.ts): counted, and stored page by page.
    const records = STORED_KINDS.map((k) => [k.id, k.records(result)] as const);
    const rowCounts = Object.fromEntries(records.map(([kind, rows]) => [kind, rows.length])) as RowCounts;
    const sheetsText = JSON.stringify(request.sheets);
    const parts: [PartName, string[]][] = [
      ['sheets', splitText(sheetsText, SHEETS_CHUNK_CHARS)],
      ...records.map(([kind, rows]): [PartName, string[]] => [kind, pages(rows)]),
    ];
    const submission: NewSubmission = {
      id: `sub_${crypto.randomUUID()}`,
      communeId: principal.communeId,
      period: request.period,
      kinds: kindsOf(result),
      tokenId: principal.tokenId,
      submittedBy: principal.label,
      receivedAt: now.toISOString(),
      late,
      deadline,
      checksum: await sha256Hex(sheetsText),
      rowCounts,
      rulePack: result.rulePack,
      reportDate: result.reportDate,
      warnings,
      parts: parts.filter(([, chunks]) => chunks.length > 0),
      idempotency: key === null ? null : { scope, key, bodyHash },
    };
    let version: number | null;
    try {
      version = await insertSubmission(db, submission);
    } catch (e) {
      if (e instanceof ReviewLockedError) throw new ApiError(409, 'REVIEW_LOCKED');
      throw e;
    }
    if (version === null && key !== null) {
      // The same key won a race meanwhile: its answer, or 409 for another body.
      const seen = await findIdempotencyKey(db, scope, key, new Date(0).toISOString());
      if (seen === null) throw new ApiError(500, 'INTERNAL');
      if (seen.bodyHash !== bodyHash) throw new ApiError(409, 'IDEMPOTENCY_CONFLICT');
      return c.json(await receiptFor(db, seen.submissionId), 201);
    }
    return c.json(await receiptFor(db, submission.id), 201);
  })
  /** GET /api/submissions?period=&kind= — versions with who, when, row counts and checksum. */
  .get('/', allow('commune', 'district'), validate('query', SubmissionsQuery), async (c) => {
    const principal = c.var.principal;
    const q = c.req.valid('query');
    const filter =
      principal.role === 'commune'
        ? { communeId: principal.communeId }
        : principal.role === 'district'
          ? { regionId: principal.regionId, ...(q.communeId ? { communeId: q.communeId } : {}) }
          : null;
    if (filter === null) throw new ApiError(403, 'FORBIDDEN');
    const body: SubmissionListResponse = {
      submissions: await listSubmissions(await ownDb(c), {
        ...filter,
        ...(q.period ? { period: q.period } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
      }),
    };
    return c.json(body, 200);
  })
  /** GET /api/submissions/:id — one version whole: its warnings and its sheets exactly as received. */
  .get('/:id', allow('commune', 'district'), validate('param', SubmissionParams), async (c) => {
    const { id } = c.req.valid('param');
    const db = await ownDb(c);
    await assertCanRead(db, c.var.principal, id);
    const found = await findSubmission(db, id);
    if (found === null) throw new ApiError(404, 'SUBMISSION_NOT_FOUND', { params: { id } });
    const body: SubmissionDetail = { ...found, sheets: await readSheets(db, id) };
    return c.json(body, 200);
  });

