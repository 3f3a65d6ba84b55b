/**
 * Seeding for the district page's browser tests: submissions through the real API (commune tokens,
 * the sample workbooks read with the shared reader), accounts through the admin routes, and the
 * one thing the API cannot do — put a submission at a chosen time — straight into the Worker's
 * local D1 with `wrangler d1 execute` on the harness's persistence dir (which also reads back the
 * recorded workbook downloads). Times are fixed instants, so
 * "on time" and "late by 3 days 4 hours" do not depend on today's date.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type CreateTokenResponse, SubmissionReceipt } from '../../shared/api.ts';
import { columnNumber } from '../../shared/grid/address.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import type { CommunePlan } from '../../shared/plans/plan.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { DEMO_COMMUNES } from '../../scripts/demo-data.ts';
import { sampleGrids } from '../samples.ts';
import { DEMO_TOKENS, ROOT, SAMPLES_DIR } from './harness.ts';

const require = createRequire(import.meta.url);
const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

/** POST or PUT JSON with a bearer token; throws with the answer unless the status is the one expected. */
export async function send<T>(url: string, token: string, method: 'POST' | 'PUT', path: string, body: unknown, expected: number): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} (expected ${expected})\n${text.slice(0, 2000)}`);
  return JSON.parse(text) as T;
}

/** Submits every sheet of a sample workbook for the period, as the CLI would (no Idempotency-Key: each call is a new version). */
export async function submitSample(url: string, token: string, period: string, file: string): Promise<SubmissionReceipt> {
  return submitGrids(url, token, period, await sampleGrids(file));
}

/** A commune officer's token for a demo commune other than Xuân Hoà (the seed has a token for Xuân Hoà only). */
export async function communeToken(url: string, communeId: string): Promise<string> {
  const created = await send<CreateTokenResponse>(url, DEMO_TOKENS.admin, 'POST', '/api/admin/tokens', { role: 'commune', label: `Cán bộ xã ${communeId} (test)`, communeId }, 201);
  return created.token;
}

export interface Placement {
  submissionId: string;
  /** ISO instant the submission is to have been received at. */
  receivedAt: string;
  late: boolean;
}

function sqlText(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Moves submissions to the given instants, as if received then: `received_at`, `late`, and the
 * stored warnings (SUBMIT.LATE dropped for an on-time one; its time set for a late one), so every
 * route answers what the server would have answered had it received them at that time.
 */
export async function placeSubmissions(persistDir: string, placements: readonly Placement[]): Promise<void> {
  const statements = placements.map(({ submissionId, receivedAt, late }) => {
    const warnings = late
      ? `(SELECT json_group_array(CASE WHEN json_extract(value, '$.code') = 'SUBMIT.LATE' THEN json_set(value, '$.value', ${sqlText(receivedAt)}) ELSE json(value) END) FROM json_each(warnings))`
      : `(SELECT json_group_array(json(value)) FROM json_each(warnings) WHERE json_extract(value, '$.code') <> 'SUBMIT.LATE')`;
    return `UPDATE submissions SET received_at = ${sqlText(receivedAt)}, late = ${late ? 1 : 0}, warnings = ${warnings} WHERE id = ${sqlText(submissionId)};`;
  });
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-district-sql-'));
  const file = join(dir, 'place.sql');
  writeFileSync(file, `${statements.join('\n')}\n`, 'utf8');
  try {
    await d1Execute(persistDir, [`--file=${file}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `wrangler d1 execute DB --local` on the harness's persistence dir, beside the running Worker; answers its stdout. */
function d1Execute(persistDir: string, args: readonly string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [WRANGLER_BIN, 'd1', 'execute', 'DB', '--local', '--persist-to', persistDir, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`wrangler d1 execute failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

/** How many merged-workbook downloads the Worker has recorded (table workbook_downloads), read from its D1. */
export async function recordedDownloads(persistDir: string): Promise<number> {
  const out = await d1Execute(persistDir, ['--command', 'SELECT COUNT(*) AS n FROM workbook_downloads', '--json']);
  const parsed = JSON.parse(out) as { results: { n: number }[] }[];
  const n = parsed[0]?.results[0]?.n;
  if (typeof n !== 'number') throw new Error(`unexpected answer from wrangler d1 execute: ${out.slice(0, 500)}`);
  return n;
}

/** Runs `npm run build:district` (the page into dist/public/district/). */
export function buildDistrictPage(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', '--silent', 'build:district'], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm run build:district failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

// ---- the seeded district: Thọ Xuân, 2024-Y ---------------------------------------------------

export const PERIOD = '2024-Y';
export const SAMPLE = {
  workbook: join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'),
  households: join(SAMPLES_DIR, 'households-classic-clean.xlsx'),
} as const;

/** The instants the seeded versions were "received" (2024-Y's deadline: 10/12/2024 23:59:59 Vietnam time = 16:59:59.999Z). */
export const RECEIVED = {
  xuanHoaV1: '2024-12-02T02:00:00.000Z',
  xuanHoaV2: '2024-12-09T07:05:00.000Z',
  // 3 days 4 hours 10 minutes after the deadline.
  xuanLai: '2024-12-13T21:10:00.000Z',
  // 5 hours 20 minutes after the deadline.
  xuanLap: '2024-12-10T22:20:00.000Z',
  xuanLaiPrevious: '2023-12-08T03:00:00.000Z',
} as const;

export interface SeededDistrict {
  ids: { xuanHoaV1: string; xuanHoaV2: string; xuanLai: string; xuanLap: string; xuanLaiPrevious: string };
  tokens: { xuanLai: string; xuanLap: string };
  /** The grids each commune sent for 2024-Y (the latest version), and Xuân Lai's 2023 list. */
  grids: { xuanHoa: Grid[]; xuanLai: Grid[]; xuanLap: Grid[]; xuanLaiPrevious: Grid[] };
}

/**
 * Xuân Lai's 2023 annual list, so its 2024 figures have a start of year (the merge's "previous
 * list"): the 2024 household sample with its newly-escaped years moved into 2023's window — the
 * only cells the 2023 rules refuse. The plan for 2023 is the 2024 one with its year changed.
 */
export function previousYearList(grids: readonly Grid[], plan: CommunePlan): Grid[] {
  const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan, period: '2023-Y' });
  const moved = grids.map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
  for (const issue of result.issues) {
    if (issue.code !== 'HH.ESCAPED_WINDOW' || issue.row === null || issue.column === null) continue;
    const grid = moved.find((g) => g.name === issue.sheet);
    const row = grid?.rows[issue.row - 1];
    if (row) row[columnNumber(issue.column) - 1] = 2023;
  }
  const check = validateWorkbook(moved.map((grid) => ({ grid })), { plan, period: '2023-Y' });
  const errors = check.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`the 2023 list still has errors: ${errors.map((e) => `${e.code}@${e.sheet}!${e.column}${e.row}`).join(', ')}`);
  return moved;
}

function demoPlan(communeId: string): CommunePlan {
  const found = DEMO_COMMUNES.find((c) => c.commune.id === communeId);
  if (!found) throw new Error(`no demo commune ${communeId}`);
  return found.plan;
}

export function planForYear(communeId: string, year: number): CommunePlan {
  const plan = structuredClone(demoPlan(communeId));
  return { ...plan, year, id: `${communeId}-${year}` };
}

/** Submits the grids for the period as a commune officer (a new version each call). */
export async function submitGrids(url: string, token: string, period: string, grids: readonly Grid[]): Promise<SubmissionReceipt> {
  const receipt = await send<unknown>(url, token, 'POST', '/api/submissions', { period, sheets: grids.map((grid) => ({ grid })) }, 201);
  return SubmissionReceipt.parse(receipt);
}

/**
 * 2024-Y in Thọ Xuân: Xuân Hoà on time twice (versions 1 and 2, the whole workbook), Xuân Lai
 * late by 3 days 4 hours with its household list only (and its 2023 list before it), Xuân Lập
 * late by 5 hours 20 minutes with the whole workbook, Thọ Lập nothing.
 */
export async function seedDistrict(url: string, persistDir: string): Promise<SeededDistrict> {
  const [workbook, households] = await Promise.all([sampleGrids(SAMPLE.workbook), sampleGrids(SAMPLE.households)]);
  const plan2023 = planForYear('xuan-lai', 2023);
  await send(url, DEMO_TOKENS.admin, 'PUT', '/api/admin/plans/xuan-lai/2023', plan2023, 200);
  const previous = previousYearList(households, plan2023);
  const [xuanLai, xuanLap] = await Promise.all([communeToken(url, 'xuan-lai'), communeToken(url, 'xuan-lap')]);

  const v1 = await submitGrids(url, DEMO_TOKENS.commune, PERIOD, workbook);
  const v2 = await submitGrids(url, DEMO_TOKENS.commune, PERIOD, workbook);
  const laiPrevious = await submitGrids(url, xuanLai, '2023-Y', previous);
  const lai = await submitGrids(url, xuanLai, PERIOD, households);
  const lap = await submitGrids(url, xuanLap, PERIOD, workbook);
  await placeSubmissions(persistDir, [
    { submissionId: v1.id, receivedAt: RECEIVED.xuanHoaV1, late: false },
    { submissionId: v2.id, receivedAt: RECEIVED.xuanHoaV2, late: false },
    { submissionId: laiPrevious.id, receivedAt: RECEIVED.xuanLaiPrevious, late: false },
    { submissionId: lai.id, receivedAt: RECEIVED.xuanLai, late: true },
    { submissionId: lap.id, receivedAt: RECEIVED.xuanLap, late: true },
  ]);
  return {
    ids: { xuanHoaV1: v1.id, xuanHoaV2: v2.id, xuanLai: lai.id, xuanLap: lap.id, xuanLaiPrevious: laiPrevious.id },
    tokens: { xuanLai, xuanLap },
    grids: { xuanHoa: workbook, xuanLai: households, xuanLap: workbook, xuanLaiPrevious: previous },
  };
}
