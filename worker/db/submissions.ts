import * as z from 'zod';
import { vi } from 'zod/locales';
import {
  type Commune,
  type RowCounts,
  RowCounts as RowCountsSchema,
  RulePackId,
  type SubmissionReceipt,
  type SubmissionSummary,
  SubmittedSheet,
} from '../../shared/api.ts';
import { Issue } from '../../shared/issues.ts';
import type { RecordShape } from '../../shared/kinds/record-shape.ts';
import { SheetKind, STORED_KINDS } from '../../shared/sheet-kind.ts';
import { CommunePlan } from '../../shared/plans/plan.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import { camelColumns, firstRow } from './rows.ts';
import { submitTransitionStatements } from './reviews.ts';
import type { WorkbookSubmission } from '../workbook/source.ts';
import { ApiError } from '../api-error.ts';
import { toApiIssues } from '../middleware/validate.ts';

/**
 * Submissions in D1: one row per version, the body in parts (chunks under D1's 2 MB row limit), and
 * idempotency keys. Small query functions with bound parameters; `db` is behind the limits guard.
 */

/** Characters per chunk of the sheets' JSON text (≤ 3 bytes each in UTF-8: well under 2 MB a row). */
export const SHEETS_CHUNK_CHARS = 256 * 1024;
/** Rows per chunk of a kind's rows: the page size the merged workbook reads. */
export const ROWS_PER_CHUNK = 500;
/** Idempotency keys are kept this long. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export type PartName = 'sheets' | SheetKind;

export interface NewSubmission {
  id: string;
  communeId: string;
  period: string;
  kinds: SheetKind[];
  tokenId: string | null;
  submittedBy: string;
  receivedAt: string;
  late: boolean;
  deadline: string;
  checksum: string;
  rowCounts: RowCounts;
  rulePack: string;
  reportDate: string;
  warnings: Issue[];
  /** The body parts: name → chunks, in order. */
  parts: [PartName, string[]][];
  idempotency: { scope: string; key: string; bodyHash: string } | null;
}

/** The report of this commune and period is accepted (đã duyệt): no new version until it is reopened. */
export class ReviewLockedError extends Error {
  override readonly name = 'ReviewLockedError';
}

const SUMMARY_COLUMNS = `s.id, s.commune_id, c.name AS commune_name, s.period, s.version, s.kinds, s.submitted_by,
  s.received_at, s.late, s.deadline, s.checksum, s.row_counts, s.rule_pack, s.warnings`;

interface SummaryRow {
  id: string;
  commune_id: string;
  commune_name: string;
  period: string;
  version: number;
  kinds: string;
  submitted_by: string;
  received_at: string;
  late: number;
  deadline: string;
  checksum: string;
  row_counts: string;
  rule_pack: string;
  warnings: string;
}

const Kinds = z.array(SheetKind);
const Warnings = z.array(Issue);
/** A version stored before a kind was added to the registry has no count for it: none of its rows. */
const NO_ROWS: Readonly<Record<string, number>> = Object.fromEntries(STORED_KINDS.map((k) => [k.id, 0]));

function toReceipt(row: SummaryRow): SubmissionReceipt {
  const columns = camelColumns(row, ['id', 'commune_id', 'period', 'version', 'received_at', 'late', 'deadline', 'kinds', 'row_counts', 'checksum', 'rule_pack', 'warnings']);
  return {
    ...columns,
    late: row.late === 1,
    kinds: Kinds.parse(JSON.parse(row.kinds)),
    rowCounts: RowCountsSchema.parse({ ...NO_ROWS, ...JSON.parse(row.row_counts) }),
    rulePack: RulePackId.parse(row.rule_pack),
    warnings: Warnings.parse(JSON.parse(row.warnings)),
  };
}

function toSummary(row: SummaryRow): SubmissionSummary & { warnings: Issue[] } {
  const receipt = toReceipt(row);
  return { ...receipt, communeName: row.commune_name, submittedBy: row.submitted_by, warningCount: receipt.warnings.length };
}

/**
 * Store a submission whole in one D1 batch (one transaction): the next version for its commune and
 * period is computed inside the INSERT, so concurrent submissions get gapless versions; the parts
 * and the idempotency key go in the same batch, so a failure leaves nothing half-written; so does
 * the review's move to chờ duyệt (worker/db/reviews.ts), and the lock trigger refuses the whole
 * batch when the report is accepted (ReviewLockedError).
 * Returns the version, or null when the idempotency key was taken meanwhile (the batch rolled back).
 */
export async function insertSubmission(db: D1Database, s: NewSubmission): Promise<number | null> {
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO submissions (id, commune_id, period, version, kinds, token_id, submitted_by, received_at, late,
           deadline, checksum, row_counts, rule_pack, report_date, warnings)
         SELECT ?1, ?2, ?3, COALESCE(MAX(version), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14
         FROM submissions WHERE commune_id = ?2 AND period = ?3`,
      )
      .bind(
        s.id,
        s.communeId,
        s.period,
        JSON.stringify(s.kinds),
        s.tokenId,
        s.submittedBy,
        s.receivedAt,
        s.late ? 1 : 0,
        s.deadline,
        s.checksum,
        JSON.stringify(s.rowCounts),
        s.rulePack,
        s.reportDate,
        JSON.stringify(s.warnings),
      ),
  ];
  if (s.idempotency) {
    statements.push(
      db
        .prepare('INSERT INTO idempotency_keys (scope, key, body_hash, submission_id, created_at) VALUES (?, ?, ?, ?, ?)')
        .bind(s.idempotency.scope, s.idempotency.key, s.idempotency.bodyHash, s.id, s.receivedAt),
    );
  }
  const insertPart = db.prepare('INSERT INTO submission_parts (submission_id, part, seq, body) VALUES (?, ?, ?, ?)');
  for (const [part, chunks] of s.parts) chunks.forEach((chunk, seq) => statements.push(insertPart.bind(s.id, part, seq, chunk)));
  statements.push(
    ...submitTransitionStatements(db, {
      transitionId: `rvt_${crypto.randomUUID()}`,
      submissionId: s.id,
      actor: { role: 'commune', label: s.submittedBy, tokenId: s.tokenId },
      at: s.receivedAt,
    }),
  );
  try {
    await db.batch(statements);
  } catch (e) {
    if (/REVIEW_LOCKED/.test(String(e))) throw new ReviewLockedError('REVIEW_LOCKED');
    if (s.idempotency && /UNIQUE|PRIMARY KEY|constraint/i.test(String(e))) {
      const taken = await findIdempotencyKey(db, s.idempotency.scope, s.idempotency.key, new Date(0).toISOString());
      if (taken) return null;
    }
    throw e;
  }
  const row = await db.prepare('SELECT version FROM submissions WHERE id = ?').bind(s.id).first<{ version: number }>();
  if (row === null) throw new Error('submission vanished after its batch');
  return row.version;
}

export async function findIdempotencyKey(
  db: D1Database,
  scope: string,
  key: string,
  notBefore: string,
): Promise<{ bodyHash: string; submissionId: string } | null> {
  const row = await db
    .prepare('SELECT body_hash, submission_id FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at >= ?')
    .bind(scope, key, notBefore)
    .first<{ body_hash: string; submission_id: string }>();
  return row === null ? null : { bodyHash: row.body_hash, submissionId: row.submission_id };
}

/** Expired keys go, so a key may be used again after 24 hours. */
export async function deleteExpiredIdempotencyKeys(db: D1Database, scope: string, key: string, before: string): Promise<void> {
  await db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at < ?').bind(scope, key, before).run();
}

export function findSubmission(db: D1Database, id: string): Promise<(SubmissionSummary & { warnings: Issue[] }) | null> {
  return firstRow(db, toSummary, `SELECT ${SUMMARY_COLUMNS} FROM submissions s JOIN communes c ON c.id = s.commune_id WHERE s.id = ?`, id);
}

export function findCommuneOfSubmission(db: D1Database, id: string): Promise<{ communeId: string; regionId: string } | null> {
  const toOwner = (row: { commune_id: string; region_id: string }) => ({ communeId: row.commune_id, regionId: row.region_id });
  return firstRow(db, toOwner, 'SELECT s.commune_id, c.region_id FROM submissions s JOIN communes c ON c.id = s.commune_id WHERE s.id = ?', id);
}

export interface SubmissionFilter {
  communeId?: string;
  regionId?: string;
  period?: string;
  kind?: SheetKind;
}

/** Each field of the filter that is given adds its condition, in this order, with its value bound. */
const FILTER_CONDITIONS: readonly (readonly [keyof SubmissionFilter, string])[] = [
  ['communeId', 's.commune_id = ?'],
  ['regionId', 'c.region_id = ?'],
  ['period', 's.period = ?'],
  ['kind', 'EXISTS (SELECT 1 FROM json_each(s.kinds) k WHERE k.value = ?)'],
];

/** Versions, newest first, for one commune or a region's communes. */
export async function listSubmissions(db: D1Database, f: SubmissionFilter): Promise<SubmissionSummary[]> {
  const given = FILTER_CONDITIONS.filter(([field]) => f[field] !== undefined);
  const where = given.map(([, condition]) => condition);
  const values = given.map(([field]) => f[field]);
  const { results } = await db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM submissions s JOIN communes c ON c.id = s.commune_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.period DESC, c.name, s.version DESC LIMIT 1000`,
    )
    .bind(...values)
    .all<SummaryRow>();
  return results.map((r) => {
    const { warnings: _warnings, ...summary } = toSummary(r);
    return summary;
  });
}

/** A part's chunks in order: the sheets' JSON text pieces, or pages of rows. */
export async function readPart(db: D1Database, submissionId: string, part: PartName): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT body FROM submission_parts WHERE submission_id = ? AND part = ? ORDER BY seq')
    .bind(submissionId, part)
    .all<{ body: string }>();
  return results.map((r) => r.body);
}

/**
 * Chunks of a part from `from` on, in order, as many as fit in `budgetBytes` of body (UTF-8 bytes),
 * and always at least one: one query reads several pages of rows for the merged workbook, and no
 * more than the budget (or one chunk, ≤ 2 MB) is held at once. `last` is the part's last seq (−1
 * for an empty part), so the caller knows it is done without asking again.
 */
export async function readPartChunksWithin(
  db: D1Database,
  submissionId: string,
  part: PartName,
  from: number,
  budgetBytes: number,
): Promise<{ chunks: string[]; last: number }> {
  const { results } = await db
    .prepare(
      `SELECT body, seq, last FROM (
         SELECT body, seq, MAX(seq) OVER () AS last,
                SUM(length(CAST(body AS BLOB))) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) AS upto
         FROM submission_parts WHERE submission_id = ?1 AND part = ?2 AND seq >= ?3)
       WHERE upto <= ?4 OR seq = ?3
       ORDER BY seq`,
    )
    .bind(submissionId, part, from, budgetBytes)
    .all<{ body: string; seq: number; last: number }>();
  return { chunks: results.map((r) => r.body), last: results[0]?.last ?? -1 };
}

/** Where a stored text was read from: a part's chunk (for the sheets, the whole part: `seq` null). */
export interface StoredAt {
  submissionId: string;
  part: PartName;
  seq: number | null;
}

const vietnamese = vi().localeError;
/** Issues listed in a STORED_DATA_INVALID answer, at most (as for a refused request). */
const MAX_ISSUES = 50;

/**
 * Stored data that does not read back: 500 STORED_DATA_INVALID naming the submission, each issue at
 * [part, seq, …] (a page's row index and field). The data is not the caller's to fix, but it is
 * said plainly, and nothing is passed on as if read.
 */
function storedDataInvalid(at: StoredAt, issues: readonly z.core.$ZodIssue[]): ApiError {
  const where = at.seq === null ? [at.part] : [at.part, at.seq];
  return new ApiError(500, 'STORED_DATA_INVALID', {
    params: { id: at.submissionId },
    issues: toApiIssues(issues.slice(0, MAX_ISSUES)).map((i) => ({ ...i, path: [...where, ...i.path] })),
  });
}

function storedJson(text: string, at: StoredAt): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw storedDataInvalid(at, [{ code: 'custom', path: [], message: 'Không phải JSON hợp lệ (not valid JSON)', input: undefined }]);
  }
}

/** A stored page of a kind's rows, read with the kind's record (shared/kinds/record-shape.ts). */
export function parsePage<R>(record: RecordShape<R>, text: string, at: StoredAt): R[] {
  const read = record.readPage(storedJson(text, at), vietnamese);
  if (!read.ok) throw storedDataInvalid(at, read.issues);
  return read.rows;
}

const StoredSheets = z.array(SubmittedSheet);

/** A submission's sheets exactly as received, read with their request schema. */
export async function readSheets(db: D1Database, submissionId: string): Promise<SubmittedSheet[]> {
  const at: StoredAt = { submissionId, part: 'sheets', seq: null };
  const parsed = StoredSheets.safeParse(storedJson((await readPart(db, submissionId, 'sheets')).join(''), at), { error: vietnamese });
  if (!parsed.success) throw storedDataInvalid(at, parsed.error.issues);
  return parsed.data;
}

/** The commune's latest accepted submission of the year that holds a household list (for cross-sheet checks). */
export async function latestHouseholdSubmission(db: D1Database, communeId: string, year: number): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT s.id FROM submissions s
       WHERE s.commune_id = ? AND s.period LIKE ? AND EXISTS (SELECT 1 FROM json_each(s.kinds) k WHERE k.value = 'households')
       ORDER BY s.received_at DESC, s.version DESC LIMIT 1`,
    )
    .bind(communeId, `${year}-%`)
    .first<{ id: string }>();
  return row?.id ?? null;
}

/** A stored version as the merged workbook's "Nguồn" line needs it, with its commune, period and kinds. */
export interface VersionOfRegion extends Omit<WorkbookSubmission, 'kind'> {
  id: string;
  communeId: string;
  period: string;
  kinds: SheetKind[];
}

/**
 * Every version of the region's communes for the given periods (at most 100 bound parameters: a
 * handful of periods), in one query, by commune and period, newest first: what the merged workbook
 * needs to pick each commune's latest of each kind, without a query per commune.
 */
export async function versionsOfRegion(db: D1Database, regionId: string, periods: readonly string[]): Promise<VersionOfRegion[]> {
  const { results } = await db
    .prepare(
      `SELECT s.id, s.commune_id, s.period, s.kinds, s.version, s.received_at, s.late, s.checksum, s.rule_pack, s.submitted_by
       FROM submissions s JOIN communes c ON c.id = s.commune_id
       WHERE c.region_id = ? AND s.period IN (${periods.map(() => '?').join(', ')})
       ORDER BY s.commune_id, s.period, s.version DESC`,
    )
    .bind(regionId, ...periods)
    .all<{
      id: string;
      commune_id: string;
      period: string;
      kinds: string;
      version: number;
      received_at: string;
      late: number;
      checksum: string;
      rule_pack: string;
      submitted_by: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    communeId: r.commune_id,
    period: r.period,
    kinds: Kinds.parse(JSON.parse(r.kinds)),
    version: r.version,
    receivedAt: r.received_at,
    late: r.late === 1,
    checksum: r.checksum,
    rulePack: r.rule_pack,
    submittedBy: r.submitted_by,
  }));
}

export interface LatestByKind {
  communeId: string;
  kind: SheetKind;
  submissionId: string;
  version: number;
  receivedAt: string;
  late: boolean;
}

/** For each commune of a region and each kind: the latest version of the period that contains it. */
export async function latestByKind(db: D1Database, regionId: string, period: string): Promise<LatestByKind[]> {
  const { results } = await db
    .prepare(
      `SELECT s.commune_id, k.value AS kind, s.id, s.version, s.received_at, s.late
       FROM submissions s JOIN communes c ON c.id = s.commune_id, json_each(s.kinds) k
       WHERE c.region_id = ? AND s.period = ?
         AND s.version = (
           SELECT MAX(s2.version) FROM submissions s2, json_each(s2.kinds) k2
           WHERE s2.commune_id = s.commune_id AND s2.period = s.period AND k2.value = k.value)`,
    )
    .bind(regionId, period)
    .all<{ commune_id: string; kind: string; id: string; version: number; received_at: string; late: number }>();
  return results.map((r) => ({
    communeId: r.commune_id,
    kind: SheetKind.parse(r.kind),
    submissionId: r.id,
    version: r.version,
    receivedAt: r.received_at,
    late: r.late === 1,
  }));
}

export async function listRegionCommunes(db: D1Database, regionId: string): Promise<Commune[]> {
  const { results } = await db
    .prepare('SELECT id, name, code, region_id FROM communes WHERE region_id = ? ORDER BY name')
    .bind(regionId)
    .all<{ id: string; name: string; code: string; region_id: string }>();
  return results.map((r) => ({ id: r.id, name: r.name, code: r.code, regionId: r.region_id }));
}

/** Every plan of the region's communes for a year, in one query. */
export async function plansOfRegion(db: D1Database, regionId: string, year: number): Promise<Map<string, CommunePlan>> {
  const { results } = await db
    .prepare(
      `SELECT p.commune_id, p.body FROM plans p JOIN communes c ON c.id = p.commune_id
       WHERE c.region_id = ? AND p.year = ?`,
    )
    .bind(regionId, year)
    .all<{ commune_id: string; body: string }>();
  return new Map(results.map((r) => [r.commune_id, CommunePlan.parse(JSON.parse(r.body))]));
}

export async function recordWorkbookDownload(
  db: D1Database,
  d: { tokenId: string | null; downloadedBy: string; regionId: string; period: string; at: string },
): Promise<void> {
  await db
    .prepare('INSERT INTO workbook_downloads (token_id, downloaded_by, region_id, period, downloaded_at) VALUES (?, ?, ?, ?, ?)')
    .bind(d.tokenId, d.downloadedBy, d.regionId, d.period, d.at)
    .run();
}

export type { HouseholdRecord };
