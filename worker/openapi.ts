import { Hono } from 'hono';
import * as z from 'zod';
import {
  Commune,
  CreateCommuneRequest,
  CreateRegionRequest,
  CreateTokenRequest,
  CreateTokenResponse,
  DistrictSummaryQuery,
  DistrictSummaryResponse,
  ErrorEnvelope,
  HealthResponse,
  MeResponse,
  PlanParams,
  PlanQuery,
  PlanResponse,
  PutPlanRequest,
  PutPlanResponse,
  PutRegionDatabaseRequest,
  Region,
  RegionDatabaseParams,
  RegionDatabaseResponse,
  ReviewActionParams,
  ReviewActionResponse,
  ReviewAuditResponse,
  ReviewListResponse,
  ReviewParams,
  ReviewRequest,
  ReviewsQuery,
  type Role,
  StatusQuery,
  StatusResponse,
  SubmissionDetail,
  SubmissionListResponse,
  SubmissionParams,
  SubmissionReceipt,
  SubmissionRequest,
  SubmissionsQuery,
  ValidationFailedEnvelope,
  WorkbookQuery,
  TokenInfo,
  TokenListResponse,
  TokenParams,
} from '../shared/api.ts';
import pkg from '../package.json' with { type: 'json' };
import type { AppEnv } from './env.ts';

/** The schemas the document names under components/schemas. */
const COMPONENTS: Readonly<Record<string, z.ZodType>> = {
  ErrorEnvelope,
  HealthResponse,
  MeResponse,
  CommunePlan: PlanResponse,
  Region,
  Commune,
  TokenInfo,
  CreateRegionRequest,
  CreateCommuneRequest,
  CreateTokenRequest,
  CreateTokenResponse,
  TokenListResponse,
  PutPlanResponse,
  SubmissionRequest,
  SubmissionReceipt,
  SubmissionListResponse,
  SubmissionDetail,
  StatusResponse,
  DistrictSummaryResponse,
  ValidationFailedEnvelope,
  ReviewRequest,
  ReviewListResponse,
  ReviewActionResponse,
  ReviewAuditResponse,
};

interface Operation {
  method: 'get' | 'post' | 'put';
  /** OpenAPI path template ({communeId}). */
  path: string;
  summary: string;
  /** null: no token needed. */
  roles: readonly Role[] | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and the response schema. */
  status: 200 | 201;
  response: z.ZodType;
  /** Error statuses this operation may answer besides 401/403 (all use the envelope). */
  errors: readonly number[];
}

/** Every route of the API; tests check that the app and this list agree. */
export const OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/health', summary: 'Phiên bản và bộ quy tắc (version, rule packs)', roles: null, status: 200, response: HealthResponse, errors: [] },
  { method: 'get', path: '/api/openapi.json', summary: 'Tài liệu OpenAPI này (this OpenAPI document)', roles: null, status: 200, response: z.record(z.string(), z.unknown()), errors: [] },
  { method: 'get', path: '/api/me', summary: 'Mã truy cập này là của ai (who am I)', roles: ['commune', 'district', 'admin'], status: 200, response: MeResponse, errors: [] },
  { method: 'get', path: '/api/plan', summary: 'Kế hoạch năm của xã (the commune plan for a year)', roles: ['commune'], query: PlanQuery, status: 200, response: PlanResponse, errors: [400, 404] },
  { method: 'post', path: '/api/submissions', summary: 'Gửi báo cáo: kiểm tra lại và lưu thành phiên bản mới (submit a workbook; header Idempotency-Key; gzip accepted; 422 with the issues)', roles: ['commune'], body: SubmissionRequest, status: 201, response: SubmissionReceipt, errors: [400, 404, 409, 413, 415, 422] },
  { method: 'get', path: '/api/submissions', summary: 'Các phiên bản đã nộp (submitted versions)', roles: ['commune', 'district'], query: SubmissionsQuery, status: 200, response: SubmissionListResponse, errors: [400] },
  { method: 'get', path: '/api/submissions/{id}', summary: 'Một phiên bản: cảnh báo và các bảng đúng như đã nhận (one version as received)', roles: ['commune', 'district'], params: SubmissionParams, status: 200, response: SubmissionDetail, errors: [400, 404] },
  { method: 'get', path: '/api/status', summary: 'Xã nào đã nộp, đúng hạn, muộn hay chưa nộp (who reported, on time, late, missing)', roles: ['district'], query: StatusQuery, status: 200, response: StatusResponse, errors: [400] },
  { method: 'get', path: '/api/reviews', summary: 'Tình trạng duyệt báo cáo của kỳ và ý kiến cần sửa: xã xem của mình, huyện/tỉnh các xã của mình (the review state of each commune’s report, with the comments to fix)', roles: ['commune', 'district', 'admin'], query: ReviewsQuery, status: 200, response: ReviewListResponse, errors: [400, 404] },
  { method: 'post', path: '/api/reviews/{communeId}/{period}/{action}', summary: 'Duyệt (accept), trả lại kèm ý kiến (return, ≥ 1 comment) hoặc mở lại (reopen) báo cáo của xã; mỗi lần đều được ghi lại (every transition is recorded)', roles: ['district', 'admin'], params: ReviewActionParams, body: ReviewRequest, status: 200, response: ReviewActionResponse, errors: [400, 404, 409, 415, 422] },
  { method: 'get', path: '/api/reviews/{communeId}/{period}/audit', summary: 'Nhật ký duyệt: ai, vai trò, lúc nào, từ trạng thái nào sang trạng thái nào, ý kiến (the append-only review audit)', roles: ['district', 'admin'], params: ReviewParams, status: 200, response: ReviewAuditResponse, errors: [400, 404] },
  { method: 'get', path: '/api/workbook', summary: 'Tải bảng tổng hợp .xlsx của kỳ; layout=official: theo mẫu biểu rà soát (the merged district workbook, in GNBV’s layout or the official review forms’; every download is recorded)', roles: ['district'], query: WorkbookQuery, status: 200, response: z.string().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), errors: [400] },
  { method: 'get', path: '/api/district/summary', summary: 'Số liệu tổng hợp của kỳ, không có thông tin cá nhân (the merged workbook’s figures per commune and for the district; not a recorded download)', roles: ['district'], query: DistrictSummaryQuery, status: 200, response: DistrictSummaryResponse, errors: [400] },
  { method: 'post', path: '/api/admin/regions', summary: 'Tạo đơn vị cấp huyện/tỉnh (create a region)', roles: ['admin'], body: CreateRegionRequest, status: 201, response: Region, errors: [400, 409, 415] },
  { method: 'put', path: '/api/admin/regions/{id}/database', summary: 'Chọn cơ sở dữ liệu D1 chứa số liệu của đơn vị (which D1 binding holds the region’s data; DB: the directory database)', roles: ['admin'], params: RegionDatabaseParams, body: PutRegionDatabaseRequest, status: 200, response: RegionDatabaseResponse, errors: [400, 404, 409, 415, 422] },
  { method: 'post', path: '/api/admin/communes', summary: 'Tạo xã (create a commune)', roles: ['admin'], body: CreateCommuneRequest, status: 201, response: Commune, errors: [400, 409, 415, 422] },
  { method: 'put', path: '/api/admin/plans/{communeId}/{year}', summary: 'Lưu kế hoạch năm của xã (store a commune plan)', roles: ['admin'], params: PlanParams, body: PutPlanRequest, status: 200, response: PutPlanResponse, errors: [400, 404, 415, 422] },
  { method: 'get', path: '/api/admin/tokens', summary: 'Danh sách mã truy cập, không có mã (list tokens)', roles: ['admin'], status: 200, response: TokenListResponse, errors: [] },
  { method: 'post', path: '/api/admin/tokens', summary: 'Cấp mã truy cập; mã chỉ hiện một lần (create a token, shown once)', roles: ['admin'], body: CreateTokenRequest, status: 201, response: CreateTokenResponse, errors: [400, 415, 422] },
  { method: 'post', path: '/api/admin/tokens/{id}/revoke', summary: 'Thu hồi mã truy cập (revoke a token)', roles: ['admin'], params: TokenParams, status: 200, response: TokenInfo, errors: [404] },
];

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Yêu cầu không hợp lệ (bad request)',
  401: 'Chưa xác thực (unauthorized)',
  403: 'Không có quyền truy cập (forbidden)',
  404: 'Không tìm thấy (not found)',
  409: 'Xung đột: đã tồn tại, hoặc trạng thái duyệt không cho phép (conflict)',
  415: 'Không phải JSON (unsupported media type)',
  422: 'Dữ liệu không hợp lệ (unprocessable)',
  429: 'Thử sai quá nhiều lần, chờ rồi thử lại (too many failed sign-ins)',
};

type JsonSchema = Record<string, unknown>;

function componentRef(schema: z.ZodType): JsonSchema {
  const name = Object.entries(COMPONENTS).find(([, component]) => component === schema)?.[0];
  return name === undefined ? inlineSchema(schema, 'output') : { $ref: `#/components/schemas/${name}` };
}

function inlineSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(location: 'path' | 'query', schema: z.ZodObject | undefined): JsonSchema[] {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    // A parameter with a default (or optional) may be left out.
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: inlineSchema(field as z.ZodType, 'input'),
  }));
}

function envelope(status: number): JsonSchema {
  return {
    description: STATUS_TEXT[status] ?? String(status),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
  };
}

function operationObject(op: Operation): JsonSchema {
  // 429: a client that presented wrong tokens too often waits (worker/db/sign-in-failures.ts).
  const errorStatuses = op.roles === null ? op.errors : [401, 403, 429, ...op.errors];
  return {
    summary: op.summary,
    description: op.roles === null ? 'Không cần mã truy cập (no token).' : `Vai trò (roles): ${op.roles.join(', ')}.`,
    security: op.roles === null ? [] : [{ bearer: [] }],
    parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
    ...(op.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: componentRef(op.body) } } } }),
    responses: {
      [op.status]: {
        description: STATUS_TEXT[op.status],
        content: { 'application/json': { schema: componentRef(op.response) } },
      },
      ...Object.fromEntries(errorStatuses.map((status) => [status, envelope(status)])),
    },
  };
}

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GNBV API',
      version: pkg.version,
      description:
        'Báo cáo giảm nghèo bền vững: kế hoạch xã, mã truy cập, nộp báo cáo. Mọi lỗi trả về { error: { code, message, issues? } }.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(
        Object.entries(COMPONENTS).map(([name, schema]) => [name, inlineSchema(schema, 'output')]),
      ),
    },
    paths,
  };
}

let cached: JsonSchema | undefined;

/** GET /api/openapi.json — public: the API description, built from the zod schemas in shared/api.ts. */
export const openapi = new Hono<AppEnv>().get('/', (c) => {
  cached ??= openApiDocument();
  return c.json(cached, 200);
});
