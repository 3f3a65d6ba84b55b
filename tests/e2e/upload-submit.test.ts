import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatusResponse, SubmissionReceipt, SubmissionRequest, type SubmissionListResponse, ValidationFailedEnvelope } from '../../shared/api.ts';
import { sampleGrids } from '../samples.ts';
import { type BrowserSession, DEMO_TOKENS, SAMPLES_DIR, type WorkerServer, apiGet, launchBrowser, screenshot, startWorker } from './harness.ts';
import { choosePeriod, dropAndCheck, shownIssues, signIn, summaryCounts } from './upload-page.ts';

/** Submitting from the upload page to the real Worker: gzip, Idempotency-Key, receipt, district status. */

const CLEAN = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
const ERRORS = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-errors.xlsx');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PLAN_404 = /^404 GET \/api\/plan\?year=\d{4}$/;

let worker: WorkerServer;
let chrome: BrowserSession;

beforeAll(async () => {
  [worker, chrome] = await Promise.all([startWorker(), launchBrowser()]);
});

afterAll(async () => {
  await chrome?.stop();
  await worker?.stop();
});

interface SentRequest {
  headers: Record<string, string>;
  body: Buffer | null;
}

describe('submitting', () => {
  it('a clean workbook goes up gzip-compressed with one Idempotency-Key (kept for retries), shows the receipt, and the district sees it', async () => {
    const { page, problems, httpErrors } = await chrome.newPage();
    const sent: SentRequest[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/submissions') sent.push({ headers: r.headers(), body: r.postDataBuffer() });
    });
    await signIn(page, worker.url, DEMO_TOKENS.commune);
    await choosePeriod(page, '2024-Y');
    await dropAndCheck(page, CLEAN);
    expect(await summaryCounts(page)).toEqual({ errors: 0, warnings: 0 });
    expect(await page.locator('#results-status').textContent()).toBe('Không có lỗi nào. Báo cáo đã sẵn sàng để gửi.');
    expect(await page.locator('#submit').isEnabled()).toBe(true);
    expect(await page.locator('#submit').textContent()).toBe('Gửi báo cáo — Cả năm 2024');
    await screenshot(page, 'upload-07-clean-ready');

    // The first try loses its connection: the page says so, and nothing is stored.
    await page.route('**/api/submissions', (route) => route.abort('connectionreset'), { times: 1 });
    await page.locator('#submit').click();
    await page.locator('#submit-error').waitFor({ state: 'visible' });
    expect(await page.locator('#submit-error').textContent()).toBe(
      'Không kết nối được máy chủ. Kiểm tra mạng rồi bấm Gửi lại (báo cáo sẽ không bị nộp hai lần).',
    );
    await screenshot(page, 'upload-08-network-failed');
    expect((await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Y')).body.submissions).toEqual([]);

    // The retry goes through with the same key.
    await page.locator('#submit').click();
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('receipt');
    await screenshot(page, 'upload-09-receipt');

    expect(sent).toHaveLength(2);
    const [first, second] = sent as [SentRequest, SentRequest];
    expect(first.headers['idempotency-key']).toMatch(UUID);
    expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers['content-type']).toBe('application/json');
    expect(second.headers.authorization).toBe(`Bearer ${DEMO_TOKENS.commune}`);
    const body = second.body ?? Buffer.alloc(0);
    expect([...body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const request = SubmissionRequest.parse(JSON.parse(gunzipSync(body).toString('utf8')));
    expect(request.period).toBe('2024-Y');
    const grids = await sampleGrids(CLEAN);
    // Every sheet with a table, exactly as the shared reader reads it.
    expect(request.sheets.map((s) => s.grid)).toEqual(grids.filter((g) => request.sheets.some((s) => s.grid.name === g.name)));
    expect(request.sheets.length).toBeGreaterThanOrEqual(3);

    const list = (await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Y')).body.submissions;
    expect(list).toHaveLength(1);
    const stored = list[0];
    expect(stored?.version).toBe(1);

    // The receipt: version, time, on time or late (2024's deadline is long past), warnings.
    const facts = await page.locator('#receipt dl').innerText();
    expect(facts).toMatch(/Phiên bản\s+1\n/);
    const received = new Date(stored?.receivedAt ?? 0);
    const vietnam = new Date(received.getTime() + 7 * 3600_000).toISOString(); // UTC+7 all year
    const shownTime = `${vietnam.slice(8, 10)}/${vietnam.slice(5, 7)}/${vietnam.slice(0, 4)} ${vietnam.slice(11, 19)} (giờ Việt Nam)`;
    expect(facts).toContain(`Thời gian nhận\n${shownTime}\n`);
    expect(facts).toContain('Thời hạn\nNộp muộn (hạn 10/12/2024)\n');
    expect(facts).toContain('Danh sách hộ:');
    expect(await page.locator('#receipt .receipt-warnings').innerText()).toContain('Cảnh báo kèm theo: 1');
    expect(await page.locator('#receipt .receipt-warnings li').getAttribute('data-code')).toBe('SUBMIT.LATE');
    expect(await page.locator('#progress-steps li.done').count()).toBe(4);
    expect(await page.locator('#progress-bar').getAttribute('value')).toBe('100');

    // The district officer's status for 2024-Y lists it, kind by kind.
    const status = await apiGet<StatusResponse>(worker.url, DEMO_TOKENS.district, '/api/status?period=2024-Y');
    expect(status.status).toBe(200);
    const xuanHoa = status.body.communes.find((c) => c.commune.id === 'xuan-hoa');
    expect(xuanHoa?.kinds.map((k) => [k.kind, k.state, k.version, k.submissionId])).toEqual([
      ['households', 'late', 1, stored?.id],
      ['beneficiaries', 'late', 1, stored?.id],
      ['progress', 'late', 1, stored?.id],
    ]);
    expect(status.body.communes.filter((c) => c.commune.id !== 'xuan-hoa').every((c) => c.kinds.every((k) => k.state === 'missing'))).toBe(true);

    // Dropping the same file again and sending it is the same content: same key, same receipt, no version 2.
    await dropAndCheck(page, CLEAN);
    await page.locator('#submit').click();
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: 60_000 });
    expect(sent).toHaveLength(3);
    expect(sent[2]?.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect(await page.locator('#receipt dl').innerText()).toMatch(/Phiên bản\s+1\n/);
    expect((await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Y')).body.submissions).toHaveLength(1);

    expect(problems.filter((p) => !p.includes('ERR_CONNECTION_RESET') && !p.startsWith('requestfailed'))).toEqual([]);
    expect(httpErrors.filter((e) => !PLAN_404.test(e))).toEqual([]);
  });

  it('a workbook with errors cannot be submitted, and says why', async () => {
    const { page } = await chrome.newPage();
    await signIn(page, worker.url, DEMO_TOKENS.commune);
    await choosePeriod(page, '2024-Y');
    await dropAndCheck(page, ERRORS);
    const { errors } = await summaryCounts(page);
    expect(errors).toBeGreaterThan(0);
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    expect(await page.locator('#submit-reason').textContent()).toBe(
      `Chưa gửi được: tệp còn ${errors} lỗi. Sửa các lỗi trong tệp bằng Excel/WPS/LibreOffice, lưu lại rồi chọn lại tệp.`,
    );
    expect(await page.locator('#submit').getAttribute('aria-describedby')).toBe('submit-reason');
  });

  it("shows the server's issues when the server's engine refuses what the page sent (422)", async () => {
    const { page, httpErrors } = await chrome.newPage();
    await signIn(page, worker.url, DEMO_TOKENS.commune);
    await choosePeriod(page, '2024-Y');
    await dropAndCheck(page, CLEAN);
    // Stand-in for a page whose engine is older than the server's: the body becomes the errors workbook.
    const errorGrids = await sampleGrids(ERRORS);
    const swapped = gzipSync(JSON.stringify({ period: '2024-Y', sheets: errorGrids.map((grid) => ({ grid })) }));
    await page.route('**/api/submissions', (route) => route.continue({ postData: swapped }), { times: 1 });
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/submissions');
    await page.locator('#submit').click();
    const res = await answer;
    expect(res.status()).toBe(422);
    const envelope = ValidationFailedEnvelope.parse(await res.json());
    await page.locator('#submit-error').waitFor({ state: 'visible' });
    expect(await page.locator('#submit-error').textContent()).toBe(envelope.error.message);
    const shown = await shownIssues(page);
    expect(shown.map((i) => [i.code, i.sheet, i.row, i.column]).sort()).toEqual(envelope.error.issues.map((i) => [i.code, i.sheet, i.row, i.column]).sort());
    expect(await page.locator('#results-status').textContent()).toContain('Máy chủ kiểm tra lại và thấy các lỗi dưới đây; chưa nhận báo cáo.');
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    expect(await page.locator('#receipt').isHidden()).toBe(true);
    await screenshot(page, 'upload-10-server-refused');
    expect(httpErrors.filter((e) => !PLAN_404.test(e))).toEqual(['422 POST /api/submissions']);
    expect(SubmissionReceipt.safeParse(await res.json()).success).toBe(false);
  });
});
