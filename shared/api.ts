import * as z from 'zod';
import { CommunePlan } from './plans/plan.ts';
import { ColumnMapping, Grid } from './grid/grid.ts';
import { Issue } from './issues.ts';
import { Period } from './periods.ts';
import { DeprivationFigures, ProjectFigures, SummaryFigures } from './report/figures.ts';
import { ReviewAction, ReviewState } from './review.ts';
import { SheetKind, STORED_KINDS } from './sheet-kind.ts';

/**
 * Request and response shapes of the GNBV API (SPEC section 5), shared by the Worker, the add-in
 * and the CLI. The Worker validates every request with these; clients may parse responses with them.
 */

/** Who a token belongs to: a commune officer, an officer of the unit that aggregates communes, an admin. */
export const Role = z.enum(['commune', 'district', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * The level of a unit that aggregates communes: the district (huyện) for 2024, the province (tỉnh)
 * after the 1 July 2025 reorganisation. The API's "district" role means "officer of such a unit".
 */
export const RegionLevel = z.enum(['district', 'province']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** The rule packs the engine knows (shared/standards), newest last. */
export const RulePackId = z.enum(['mdp-2022', 'mdp-2027']);
export type RulePackId = z.infer<typeof RulePackId>;
export const RULE_PACK_IDS: readonly RulePackId[] = RulePackId.options;

/** A lowercase slug id: "xuan-hoa", "tho-xuan". */
export const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Chỉ gồm chữ thường không dấu, số và dấu gạch ngang (a-z, 0-9, -)');

/** A year in the path or the query string, as text ("2024"). */
export const YearText = z
  .string()
  .regex(/^\d{4}$/, 'Năm phải có 4 chữ số (year must have 4 digits)')
  .transform(Number)
  .pipe(z.number().int().min(2020).max(2100));

const Name = z.string().trim().min(1).max(200);
const Timestamp = z.iso.datetime();

// ---- errors ---------------------------------------------------------------------------------

/** Every error code the API answers with; the text for each is in the Worker's message catalogue. */
export const ErrorCode = z.enum([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'INVALID_PLAN',
  'UNKNOWN_REGION',
  'UNKNOWN_COMMUNE',
  'REGION_EXISTS',
  'COMMUNE_EXISTS',
  'COMMUNE_NOT_FOUND',
  'PLAN_NOT_FOUND',
  'TOKEN_NOT_FOUND',
  'VALIDATION_FAILED',
  'IDEMPOTENCY_CONFLICT',
  'SUBMISSION_NOT_FOUND',
  'UNSUPPORTED_ENCODING',
  'RATE_LIMITED',
  'REVIEW_LOCKED',
  'REVIEW_NOTHING_SUBMITTED',
  'REVIEW_NOT_AWAITING',
  'REVIEW_NOT_ACCEPTED',
  'REVIEW_COMMENT_REQUIRED',
  'REVIEW_STALE_VERSION',
  'REVIEW_CONFLICT',
  'UNKNOWN_DATABASE',
  'REGION_HAS_DATA',
  'REGION_DATABASE_UNAVAILABLE',
  'STORED_DATA_INVALID',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with the request, at a path inside it (["villages", 0], ["year"]). */
export const ApiIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

/** The error envelope: its code, the message (Vietnamese first, English in brackets), the issues. */
function envelope<Code extends z.ZodType, Issues extends z.ZodType>(code: Code, issues: Issues) {
  return z.object({ error: z.object({ code, message: z.string(), issues }) });
}

/** The one error envelope of every non-2xx answer. */
export const ErrorEnvelope = envelope(ErrorCode, z.array(ApiIssue).optional());
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** 422 to a submission with errors: the same envelope, carrying the engine's issues (errors and warnings). */
export const ValidationFailedEnvelope = envelope(z.literal('VALIDATION_FAILED'), z.array(Issue));
export type ValidationFailedEnvelope = z.infer<typeof ValidationFailedEnvelope>;

// ---- entities -------------------------------------------------------------------------------

export const Region = z.object({
  id: Slug,
  name: Name,
  level: RegionLevel,
  /** The province the unit belongs to (for a province, its own name). */
  province: Name,
});
export type Region = z.infer<typeof Region>;

export const Commune = z.object({
  id: Slug,
  name: Name,
  /** The commune's code (mã xã). */
  code: z.string().trim().min(1).max(32),
  regionId: Slug,
});
export type Commune = z.infer<typeof Commune>;

/** A token as an admin sees it: never its hash, never the token itself. */
export const TokenInfo = z.object({
  id: z.string(),
  /** The person the token belongs to. */
  label: z.string(),
  role: Role,
  communeId: Slug.nullable(),
  regionId: Slug.nullable(),
  /** Seeded for local demos; refused where ENVIRONMENT is "production". */
  demo: z.boolean(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

// ---- requests -------------------------------------------------------------------------------

export const CreateRegionRequest = z.strictObject(Region.shape);
export type CreateRegionRequest = z.infer<typeof CreateRegionRequest>;

/** A D1 binding of the Worker: DB (the directory) or a regional database DB_… (wrangler.toml). */
export const DatabaseBinding = z.string().regex(/^DB(_[A-Z0-9_]{1,61})?$/);
export const RegionDatabaseParams = z.object({ id: Slug });
/** Which database holds the region's data: "DB" keeps it in the directory database. */
export const PutRegionDatabaseRequest = z.strictObject({ binding: DatabaseBinding });
export type PutRegionDatabaseRequest = z.infer<typeof PutRegionDatabaseRequest>;
export const RegionDatabaseResponse = z.object({ regionId: Slug, binding: DatabaseBinding, assignedAt: Timestamp.nullable() });
export type RegionDatabaseResponse = z.infer<typeof RegionDatabaseResponse>;

export const CreateCommuneRequest = z.strictObject(Commune.shape);
export type CreateCommuneRequest = z.infer<typeof CreateCommuneRequest>;

/** The scope follows the role: a commune token names its commune, a district token its region. */
export const CreateTokenRequest = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('commune'), label: Name, communeId: Slug }),
  z.strictObject({ role: z.literal('district'), label: Name, regionId: Slug }),
  z.strictObject({ role: z.literal('admin'), label: Name }),
]);
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

export const PlanQuery = z.strictObject({ year: YearText });
export const PlanParams = z.object({ communeId: Slug, year: YearText });
export const TokenParams = z.object({ id: z.string().min(1).max(64) });

/** The body of PUT /api/admin/plans/:communeId/:year (422 with the zod issue paths otherwise). */
export const PutPlanRequest = CommunePlan;

// ---- responses ------------------------------------------------------------------------------

export const HealthResponse = z.object({
  name: z.literal('gnbv'),
  version: z.string(),
  rulePacks: z.array(RulePackId),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const MeResponse = z.object({
  role: Role,
  label: z.string(),
  /** The token's commune (commune role), else null. */
  commune: Commune.nullable(),
  /** The district role's region, or the commune's region; null for admin. */
  region: Region.nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const PlanResponse = CommunePlan;
export type PlanResponse = z.infer<typeof PlanResponse>;

export const PutPlanResponse = z.object({
  communeId: Slug,
  year: z.number().int(),
  updatedAt: Timestamp,
});
export type PutPlanResponse = z.infer<typeof PutPlanResponse>;

/** The plain token is shown once, here; only its SHA-256 is stored. */
export const CreateTokenResponse = z.object({ token: z.string(), info: TokenInfo });
export type CreateTokenResponse = z.infer<typeof CreateTokenResponse>;

export const TokenListResponse = z.object({ tokens: z.array(TokenInfo) });
export type TokenListResponse = z.infer<typeof TokenListResponse>;

// ---- submissions (SPEC section 5) -----------------------------------------------------------

/** One sheet as sent: the grid exactly as read, and the officer's column mapping if any. */
export const SubmittedSheet = z.object({
  grid: Grid,
  mapping: ColumnMapping.optional(),
});
export type SubmittedSheet = z.infer<typeof SubmittedSheet>;

/**
 * POST /api/submissions: the grids of a workbook's sheets for one period, any mix of kinds. No
 * sheet at all is a workbook like any other to the engine: 422 SHEET.UNKNOWN_KIND, not a 400.
 */
export const SubmissionRequest = z.strictObject({
  period: Period,
  sheets: z.array(SubmittedSheet).max(100),
});
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

/** The rows stored of each kind (shared/kinds/registry.ts), by kind. */
export const RowCounts = z.object(
  Object.fromEntries(STORED_KINDS.map((k) => [k.id, z.number().int().nonnegative()])) as Record<SheetKind, z.ZodNumber>,
);
export type RowCounts = z.infer<typeof RowCounts>;

/** 201 answer to a submission (and the same answer again for the same Idempotency-Key and body). */
export const SubmissionReceipt = z.object({
  id: z.string(),
  communeId: Slug,
  period: Period,
  version: z.number().int().positive(),
  receivedAt: Timestamp,
  /** Received after 23:59 Vietnam time on the deadline day (recorded, not blocked). */
  late: z.boolean(),
  deadline: z.string(),
  kinds: z.array(SheetKind),
  rowCounts: RowCounts,
  checksum: z.string(),
  rulePack: RulePackId,
  /** Warnings the engine found (errors block a submission), SUBMIT.LATE included. */
  warnings: z.array(Issue),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

export const SubmissionsQuery = z.strictObject({
  period: Period.optional(),
  kind: SheetKind.optional(),
  communeId: Slug.optional(),
});

/** One version in a list: who, when, row counts, checksum. */
export const SubmissionSummary = SubmissionReceipt.omit({ warnings: true }).extend({
  communeName: z.string(),
  submittedBy: z.string(),
  warningCount: z.number().int().nonnegative(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionListResponse = z.object({ submissions: z.array(SubmissionSummary) });
export type SubmissionListResponse = z.infer<typeof SubmissionListResponse>;

/** One version whole: metadata, its warnings, and its sheets exactly as received. */
export const SubmissionDetail = SubmissionSummary.extend({
  warnings: z.array(Issue),
  sheets: z.array(SubmittedSheet),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

export const SubmissionParams = z.object({ id: z.string().min(1).max(64) });

export const StatusQuery = z.strictObject({ period: Period });

/** The district's review of a commune's report for the period (shared/review.ts), beside on time / late / missing. */
export const ReviewStateCell = z.object({
  state: ReviewState,
  /** The version under review (the latest received); null while nothing was submitted. */
  version: z.number().int().positive().nullable(),
  submissionId: z.string().nullable(),
  /** When the state last changed; null while nothing was submitted. */
  updatedAt: Timestamp.nullable(),
});
export type ReviewStateCell = z.infer<typeof ReviewStateCell>;

/** On time, late, or missing: per commune and due kind (SPEC section 5). */
export const ReportState = z.enum(['onTime', 'late', 'missing']);
export type ReportState = z.infer<typeof ReportState>;

export const StatusCell = z.object({
  kind: SheetKind,
  state: ReportState,
  version: z.number().int().positive().nullable(),
  submissionId: z.string().nullable(),
  receivedAt: Timestamp.nullable(),
  /** Seconds after the deadline (late only). */
  lateBySeconds: z.number().int().nonnegative().nullable(),
});
export type StatusCell = z.infer<typeof StatusCell>;

export const StatusResponse = z.object({
  period: Period,
  region: Region,
  /** The last on-time instant (23:59:59 Vietnam time on the deadline day), per commune's plan. */
  kindsDue: z.array(SheetKind),
  communes: z.array(
    z.object({
      commune: Commune,
      deadline: Timestamp.nullable(),
      kinds: z.array(StatusCell),
      review: ReviewStateCell,
    }),
  ),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

/**
 * How the merged workbook is laid out: `gnbv`, GNBV's own sheets (SPEC section 6, the default);
 * `official`, the review forms the level above asks for (docs/official-forms-research.md §4, §5).
 */
export const WorkbookLayout = z.enum(['gnbv', 'official']);
export type WorkbookLayout = z.infer<typeof WorkbookLayout>;

export const WorkbookQuery = z.strictObject({
  period: Period,
  layout: WorkbookLayout.default('gnbv').describe('gnbv: GNBV’s own sheets (default); official: the review forms’ layout (theo mẫu biểu rà soát)'),
  accepted: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1')
    .describe('1: merge only the reports the district accepted (chỉ gộp báo cáo đã duyệt); 0: every latest version (default)'),
});

// ---- the district summary -------------------------------------------------------------------

export const DistrictSummaryQuery = z.strictObject({ period: Period });

/** Poor, then near-poor (the order of `ANALYSED_CATEGORIES`). */
const DeprivationPair = z.tuple([DeprivationFigures, DeprivationFigures]);

/** One commune's figures as the workbook's Tổng hợp, Thiếu hụt and Dự án sheets hold them. */
export const CommuneSummary = z.object({
  id: Slug,
  name: z.string(),
  /** The commune's code (mã xã) from its plan. */
  code: z.string(),
  summary: SummaryFigures,
  deprivations: DeprivationPair,
  projects: z.array(ProjectFigures),
});
export type CommuneSummary = z.infer<typeof CommuneSummary>;

/** The district's totals rows of the same sheets. */
export const DistrictSummaryTotals = z.object({
  summary: SummaryFigures,
  deprivations: DeprivationPair,
  /** One per sub-project code across communes, in plan order. */
  projects: z.array(ProjectFigures),
  /** Every sub-project together. */
  projectsTotal: ProjectFigures,
});
export type DistrictSummaryTotals = z.infer<typeof DistrictSummaryTotals>;

/**
 * GET /api/district/summary: the merged workbook's figures without its rows — counts, rates and
 * money per commune and for the district, computed as the workbook computes them. No personal
 * data (no names, no ID numbers, no duplicate pairs), so reading it is not a recorded download.
 * Communes without a plan for the year are left out, as in the workbook.
 */
export const DistrictSummaryResponse = z.object({
  period: Period,
  region: Region,
  generatedAt: Timestamp,
  communes: z.array(CommuneSummary),
  totals: DistrictSummaryTotals,
});
export type DistrictSummaryResponse = z.infer<typeof DistrictSummaryResponse>;

// ---- reviews (issue 20: the district accepts or returns a commune's report) ----------------

/** A comment's text, kept byte for byte as written (never trimmed); up to 2000 characters. */
export const ReviewCommentText = z
  .string()
  .min(1)
  .max(2000)
  .refine((text) => text.trim().length > 0, 'Nội dung ý kiến không được để trống (the comment is blank)');

/** A sheet of the submission as received (Excel limits a sheet name to 31 characters). */
const SheetName = z.string().min(1).max(31);
const ExcelRow = z.number().int().min(1).max(1_048_576);
const ColumnLetters = z.string().regex(/^[A-Z]{1,3}$/, 'Cột phải là chữ cái A … XFD (column letters)');

/** What a comment is about: the whole report, a sheet, a row or one cell of the submission as received. */
export const ReviewCommentScope = z.enum(['report', 'sheet', 'row', 'cell']);
export type ReviewCommentScope = z.infer<typeof ReviewCommentScope>;

export const ReviewComment = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('report'), text: ReviewCommentText }),
  z.strictObject({ scope: z.literal('sheet'), sheet: SheetName, text: ReviewCommentText }),
  z.strictObject({ scope: z.literal('row'), sheet: SheetName, row: ExcelRow, text: ReviewCommentText }),
  z.strictObject({ scope: z.literal('cell'), sheet: SheetName, row: ExcelRow, column: ColumnLetters, text: ReviewCommentText }),
]);
export type ReviewComment = z.infer<typeof ReviewComment>;

/** The actions a reviewer takes through POST /api/reviews/{communeId}/{period}/{action}. */
export const ReviewerAction = ReviewAction.exclude(['submit']);
export type ReviewerAction = z.infer<typeof ReviewerAction>;

export const ReviewParams = z.object({ communeId: Slug, period: Period });
export const ReviewActionParams = ReviewParams.extend({ action: ReviewerAction });

/**
 * The body of accept, return and reopen. A return needs at least one comment (422
 * REVIEW_COMMENT_REQUIRED); `version`, when given, is the version the reviewer looked at: a newer
 * one received meanwhile is a 409 REVIEW_STALE_VERSION, not accepted unseen.
 */
export const ReviewRequest = z.strictObject({
  comments: z.array(ReviewComment).max(500).default([]),
  version: z.number().int().positive().optional(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ReviewsQuery = z.strictObject({ period: Period, communeId: Slug.optional() });

/** One recorded transition of the audit (append-only). */
export const ReviewTransition = z.object({
  id: z.string(),
  communeId: Slug,
  period: Period,
  /** 1, 2, 3 … per commune and period. */
  revision: z.number().int().positive(),
  submissionId: z.string(),
  version: z.number().int().positive(),
  from: ReviewState,
  to: ReviewState,
  action: ReviewAction,
  role: Role,
  /** The person the token belongs to, as it was when they acted. */
  actor: z.string(),
  tokenId: z.string().nullable(),
  at: Timestamp,
  commentCount: z.number().int().nonnegative(),
  /** The first comment's first 200 characters, for lists. */
  commentSummary: z.string().nullable(),
});
export type ReviewTransition = z.infer<typeof ReviewTransition>;

/** A commune's report for the period as reviewed: its state and the comments that came with it. */
export const ReviewSummary = ReviewStateCell.extend({
  communeId: Slug,
  communeName: z.string(),
  period: Period,
  /** Transitions so far (0 while nothing was submitted). */
  revision: z.number().int().nonnegative(),
  /** The comments of the transition that set the current state (a return's comments, to fix). */
  comments: z.array(ReviewComment),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const ReviewListResponse = z.object({ period: Period, reviews: z.array(ReviewSummary) });
export type ReviewListResponse = z.infer<typeof ReviewListResponse>;

/** The answer to an action: the review now, and the transition recorded (null: a second accept, nothing changed). */
export const ReviewActionResponse = z.object({ review: ReviewSummary, transition: ReviewTransition.nullable() });
export type ReviewActionResponse = z.infer<typeof ReviewActionResponse>;

export const ReviewAuditResponse = z.object({
  communeId: Slug,
  period: Period,
  transitions: z.array(ReviewTransition.extend({ comments: z.array(ReviewComment) })),
});
export type ReviewAuditResponse = z.infer<typeof ReviewAuditResponse>;
