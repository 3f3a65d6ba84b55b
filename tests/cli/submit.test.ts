import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS, SAMPLES_DIR, startWorker, type WorkerServer } from '../e2e/harness.ts';
import { gnbv } from './run-gnbv.ts';

/**
 * `gnbv submit` against the real Worker (wrangler dev on a fresh local D1 with the demo seed,
 * tests/e2e/harness.ts): the built command sends the sheets through the typed client's `json`.
 */

let worker: WorkerServer;

beforeAll(async () => {
  worker = await startWorker();
}, 240_000);

afterAll(async () => {
  await worker?.stop();
});

describe('gnbv submit', () => {
  it('sends a clean workbook and prints the receipt, a second time as the next version', async () => {
    const file = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
    const submit = () => gnbv('submit', file, '--period', '2024-Y', '--server', worker.url, '--token', DEMO_TOKENS.commune);
    const first = await submit();
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Đã nhận: xuan-hoa, kỳ 2024-Y, phiên bản \d+,/);
    const version = Number(/phiên bản (\d+)/.exec(first.stdout)?.[1]);
    const second = await submit();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`phiên bản ${version + 1},`);
  });
});
