import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { submitSample } from '../e2e/district-seed.ts';
import { DEMO_TOKENS, SAMPLES_DIR, startWorker, type WorkerServer } from '../e2e/harness.ts';
import { readXlsxWithExceljs } from '../reference-xlsx-reader.ts';
import { gnbv } from './run-gnbv.ts';

/**
 * `gnbv workbook` against the real Worker (wrangler dev on a fresh local D1 with the demo seed,
 * tests/e2e/harness.ts): Xuân Hoà's clean sample submitted through the API, then the district's
 * workbook downloaded by the built command in both layouts and opened with the reference reader.
 */

let worker: WorkerServer;
let receipt: SubmissionReceipt;
const tmp = mkdtempSync(join(tmpdir(), 'gnbv-cli-workbook-'));

beforeAll(async () => {
  worker = await startWorker();
  receipt = await submitSample(worker.url, DEMO_TOKENS.commune, '2024-Y', join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'));
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

function sheet(grids: readonly Grid[], name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.name).join(', ')}`);
  return g;
}

describe('gnbv workbook --layout official', () => {
  it('saves the workbook in the review forms’ layout, with the figures of the default layout', async () => {
    const official = join(tmp, 'official.xlsx');
    const r = await gnbv('workbook', '--period', '2024-Y', '--server', worker.url, '--token', DEMO_TOKENS.district, '--out', official, '--layout', 'official');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Đã lưu ${official.replace(/[.\\/]/g, '\\$&')} \\(\\d+ KB\\)\\. Tệp có dữ liệu cá nhân`));
    const grids = await readXlsxWithExceljs(readFileSync(official));
    expect(grids.map((g) => g.name)).toEqual(['Tổng hợp KQ rà soát', 'DS hộ nghèo, cận nghèo', 'DS hộ thoát nghèo', 'Thiếu hụt hộ nghèo', 'Thiếu hụt hộ cận nghèo', 'Kiểm tra', 'Nguồn']);
    const summary = sheet(grids, 'Tổng hợp KQ rà soát');
    expect(summary.rows[3]?.[0]).toBe('TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO');
    expect(summary.rows[7]).toEqual(['A', 'B', '1', '2', '3=2/1*100', '4', '5=4/1*100', '6', '7=6/1*100']);

    const own = join(tmp, 'gnbv.xlsx');
    expect((await gnbv('workbook', '--period', '2024-Y', '--server', worker.url, '--token', DEMO_TOKENS.district, '--out', own)).code).toBe(0);
    const gnbvGrids = await readXlsxWithExceljs(readFileSync(own));
    expect(gnbvGrids[0]?.name).toBe('Tổng hợp');
    const theirs = sheet(gnbvGrids, 'Tổng hợp').rows.find((row) => row[1] === 'Xuân Hoà') ?? [];
    const ours = summary.rows.find((row) => row[1] === 'Xuân Hoà') ?? [];
    expect([ours[2], ours[3], ours[5], ours[7]]).toEqual([theirs[3], theirs[4], theirs[6], theirs[8]]);
    // Every household of the submitted list is on one of the two lists.
    const listed = (name: string): number => sheet(grids, name).rows.filter((row) => row[7] === 'Xuân Hoà').length;
    expect(listed('DS hộ nghèo, cận nghèo') + listed('DS hộ thoát nghèo')).toBe(receipt.rowCounts.households);
  });

  it('refuses a layout it does not know before asking the server, and says what the server refuses', async () => {
    const bad = await gnbv('workbook', '--period', '2024-Y', '--server', worker.url, '--token', DEMO_TOKENS.district, '--out', join(tmp, 'x.xlsx'), '--layout', 'mau-cu');
    expect(bad).toEqual({ code: 2, stdout: '', stderr: '--layout phải là gnbv (mặc định) hoặc official (theo mẫu biểu rà soát) / --layout is gnbv or official\n' });
    const commune = await gnbv('workbook', '--period', '2024-Y', '--server', worker.url, '--token', DEMO_TOKENS.commune, '--out', join(tmp, 'y.xlsx'), '--layout', 'official');
    expect(commune).toEqual({ code: 2, stdout: '', stderr: 'Máy chủ từ chối: Không có quyền truy cập (forbidden)\n' });
  });
});
