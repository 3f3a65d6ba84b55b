import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewListResponse } from '../../shared/api.ts';
import { submitSample } from '../e2e/district-seed.ts';
import { DEMO_TOKENS, SAMPLES_DIR, startWorker, type WorkerServer } from '../e2e/harness.ts';
import { readXlsxWithExceljs } from '../reference-xlsx-reader.ts';
import { gnbv } from './run-gnbv.ts';

/**
 * `gnbv review` against the real Worker (wrangler dev on a fresh local D1 with the demo seed):
 * Xuân Hoà's clean sample submitted through the API, returned with a comment on one cell, read
 * back by the commune, sent again, accepted, and merged alone with `gnbv workbook --accepted`.
 */

let worker: WorkerServer;
const tmp = mkdtempSync(join(tmpdir(), 'gnbv-cli-review-'));
const SAMPLE = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
const PERIOD = '2024-Q4';

beforeAll(async () => {
  worker = await startWorker();
  await submitSample(worker.url, DEMO_TOKENS.commune, PERIOD, SAMPLE);
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const common = (token: string) => ['--period', PERIOD, '--server', worker.url, '--token', token];

describe('gnbv review', () => {
  it('returns a report with a cell comment, refuses what the state forbids, accepts the new version, and the workbook merges it', async () => {
    const listed = await gnbv('review', 'list', ...common(DEMO_TOKENS.district));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('xuan-hoa\tXuân Hoà\tChờ duyệt\tphiên bản 1');

    const text = 'Thu nhập "1.500.000" sai — xem lại =1+1 👍';
    const returned = await gnbv('review', 'return', 'xuan-hoa', ...common(DEMO_TOKENS.district), '--comment', text, '--sheet', 'Tien do', '--row', '8', '--column', 'e');
    expect([returned.code, returned.stdout, returned.stderr]).toEqual([0, 'xuan-hoa: Trả lại\n', '']);

    const own = await gnbv('review', 'list', ...common(DEMO_TOKENS.commune), '--json');
    expect(own.code).toBe(0);
    const review = ReviewListResponse.parse(JSON.parse(own.stdout)).reviews;
    expect(review.map((r) => [r.communeId, r.state, r.comments])).toEqual([
      ['xuan-hoa', 'returned', [{ scope: 'cell', sheet: 'Tien do', row: 8, column: 'E', text }]],
    ]);

    const refused = await gnbv('review', 'accept', 'xuan-hoa', ...common(DEMO_TOKENS.district));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('xuan-hoa: máy chủ từ chối: Báo cáo không ở trạng thái chờ duyệt');
    const noComment = await gnbv('review', 'return', 'xuan-hoa', ...common(DEMO_TOKENS.district));
    expect(noComment.code).toBe(1);
    const byCommune = await gnbv('review', 'accept', 'xuan-hoa', ...common(DEMO_TOKENS.commune));
    expect([byCommune.code, byCommune.stderr]).toEqual([1, 'xuan-hoa: máy chủ từ chối: Không có quyền truy cập (forbidden)\n']);

    await submitSample(worker.url, DEMO_TOKENS.commune, PERIOD, SAMPLE);
    const accepted = await gnbv('review', 'accept', 'xuan-hoa', ...common(DEMO_TOKENS.district));
    expect([accepted.code, accepted.stdout]).toEqual([0, 'xuan-hoa: Đã duyệt\n']);
    const again = await gnbv('review', 'accept', 'xuan-hoa', ...common(DEMO_TOKENS.district));
    expect([again.code, again.stdout]).toEqual([0, 'xuan-hoa: Đã duyệt (không đổi / unchanged)\n']);

    const file = join(tmp, 'accepted.xlsx');
    const book = await gnbv('workbook', ...common(DEMO_TOKENS.district), '--out', file, '--accepted');
    expect(book.code).toBe(0);
    const grids = await readXlsxWithExceljs(readFileSync(file));
    const summary = grids.find((g) => g.name === 'Tổng hợp')!;
    const column = summary.rows[2]!.indexOf('Trạng thái duyệt');
    expect(column).toBeGreaterThan(0);
    expect(summary.rows.find((r) => r[1] === 'Xuân Hoà')?.[column]).toBe('Đã duyệt');
    const progress = grids.find((g) => g.name === 'Tiến độ')!;
    expect(new Set(progress.rows.slice(4).map((r) => r[0]).filter((v) => typeof v === 'string' && v.startsWith('Xuân')))).toEqual(new Set(['Xuân Hoà']));
  });

  it('says how to call it', async () => {
    const r = await gnbv('review', 'approve', ...common(DEMO_TOKENS.district));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gnbv review list|accept|return|reopen');
  });
});
