import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PlanResponse,
  type StatusResponse,
  type SubmissionDetail,
  type SubmissionListResponse,
  SubmissionRequest,
} from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { periodLastDay } from '../../shared/periods.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { type ExpectedIssue, matchKey, sampleGrids } from '../samples.ts';
import { type BrowserSession, DEMO_TOKENS, SAMPLES_DIR, type WorkerServer, apiGet, launchBrowser, screenshot, startWorker } from './harness.ts';
import { type ListedIssue, idle, listedIssues, openTaskPane } from './taskpane-host.ts';

/**
 * The BUILT task pane (dist/public/addin, served by the local Worker) in headless Chromium, with
 * the strict stand-in for Excel holding the cells of the Xuân Hoà 2024 workbooks, against the real
 * Worker on a fresh local D1: Kiểm tra, a click on an issue, the fixed workbook, Gửi through a
 * dropped connection, and a submission left queued by a closed pane.
 */

const ERRORS = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-errors.xlsx');
const CLEAN = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
const ANSWER_KEY = JSON.parse(readFileSync(join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-errors.expected.json'), 'utf8')) as {
  date: string;
  issues: ExpectedIssue[];
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SUBMISSIONS = '**/api/submissions';

let worker: WorkerServer;
let chrome: BrowserSession;
let errorsGrids: Grid[];
let cleanGrids: Grid[];

beforeAll(async () => {
  [worker, chrome, errorsGrids, cleanGrids] = await Promise.all([startWorker(), launchBrowser(), sampleGrids(ERRORS), sampleGrids(CLEAN)]);
});

afterAll(async () => {
  await chrome?.stop();
  await worker?.stop();
});

interface Sent {
  key: string | undefined;
  encoding: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

const place = (i: ListedIssue | ExpectedIssue): string => `${i.code}|${i.sheet}|${i.row}|${i.column ?? ''}`;

/** The pane's own words in the status line, once idle. */
const statusText = (page: import('playwright-core').Page) => page.locator('#app > .status').textContent();

async function signInAndChoose(page: import('playwright-core').Page, period: string, lang: 'vi' | 'en'): Promise<void> {
  await page.locator('#settings-toggle').click();
  await page.locator('#token').fill(DEMO_TOKENS.commune);
  await page.locator('#lang').selectOption(lang);
  await page.locator('#save-settings').click();
  await idle(page);
  await page.locator('#period').selectOption(period);
}

/** The queued submission in the pane's IndexedDB (key and period), or null. */
function queuedInBrowser(page: import('playwright-core').Page): Promise<{ key: string; period: string; bytes: number } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gnbv-addin');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) return resolve(null);
          const get = db.transaction('outbox', 'readonly').objectStore('outbox').get('pending');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const v = get.result as { key: string; period: string; body: ArrayBuffer } | undefined;
            resolve(v ? { key: v.key, period: v.period, bytes: v.body.byteLength } : null);
          };
        };
      }),
  );
}

describe('the task pane in Chromium against the local Worker', () => {
  it('checks, selects a cell, checks the fixed workbook clean, and submits through a dropped connection: one stored version', async () => {
    const { page, context, problems, httpErrors } = await chrome.newPage({ viewport: { width: 420, height: 860 } });
    const sent: Sent[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/submissions') {
        const headers = r.headers();
        sent.push({ key: headers['idempotency-key'], encoding: headers['content-encoding'], authorization: headers.authorization, body: r.postDataBuffer() ?? Buffer.alloc(0) });
      }
    });
    await openTaskPane(page, worker.url, errorsGrids);
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    expect(await page.locator('#submit-note').textContent()).toBe('Bấm Kiểm tra trước; khi không còn lỗi thì gửi được.');
    await screenshot(page, 'taskpane-01-opened');

    // Settings: the server is the origin that served the pane; the token stays in this computer's storage.
    await page.locator('#settings-toggle').click();
    expect(await page.locator('#serverUrl').inputValue()).toBe(worker.url);
    await page.locator('#token').fill(DEMO_TOKENS.commune);
    await screenshot(page, 'taskpane-02-settings');
    await page.locator('#save-settings').click();
    await idle(page);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('gnbv.settings.v1'))) ?? 'null')).toEqual({
      serverUrl: worker.url,
      token: DEMO_TOKENS.commune,
      lang: 'vi',
    });

    // Kiểm tra for 2024-Y: exactly what the engine finds for that period, and the answer key.
    await page.locator('#period').selectOption('2024-Y');
    await page.locator('#check').click();
    await idle(page);
    await page.locator('#issues-title').waitFor();
    const plan = PlanResponse.parse((await apiGet(worker.url, DEMO_TOKENS.commune, '/api/plan?year=2024')).body);
    const forPeriod = validateWorkbook(
      errorsGrids.map((grid) => ({ grid })),
      { plan, period: '2024-Y' },
    );
    const shown = await listedIssues(page);
    expect(shown.map(place).sort()).toEqual(forPeriod.issues.map(place).sort());
    // The key was made for 5 December 2024; 2024-Y reports as of 31 December. Every rule that reads
    // the report date (PRG.OVERDUE: DA3.2 due 30/09; ages; the newly-escaped window) gives the
    // same answer on both days for this workbook, so the key holds unchanged for 2024-Y.
    const atKeyDate = validateWorkbook(
      errorsGrids.map((grid) => ({ grid })),
      { plan, reportDate: ANSWER_KEY.date },
    );
    expect(periodLastDay('2024-Y')).toBe('2024-12-31');
    expect(forPeriod.issues.map(place)).toEqual(atKeyDate.issues.map(place));
    expect(matchKey(shown, ANSWER_KEY.issues)).toEqual({ missed: [], extra: [] });
    const errors = forPeriod.issues.filter((i) => i.severity === 'error').length;
    expect(await page.locator('.count.error').textContent()).toBe(`${errors} lỗi`);
    expect(await page.locator('.count.warning').textContent()).toBe(`${forPeriod.issues.length - errors} cảnh báo`);
    expect(await page.locator('.note').first().textContent()).toBe('Kế hoạch của xã lấy từ máy chủ: Xuân Hoà 2024.');
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    expect(await page.locator('#submit-note').textContent()).toBe(
      `Chưa gửi được: còn ${errors} lỗi. Sửa các ô được đánh dấu rồi bấm Kiểm tra lại.`,
    );
    expect(await page.evaluate(() => window.gnbvFakeExcel.fill('Ho ngheo', 'Z60'))).toContain('"pattern":"Solid"');
    await screenshot(page, 'taskpane-03-issues');

    // A click on an issue selects its cell in the workbook.
    await page.locator('li.issue[data-code="HH.ESCAPED_WINDOW"] button.issue-go').click();
    await idle(page);
    expect(await page.evaluate(() => window.gnbvFakeExcel.selection())).toEqual({ sheet: 'Ho ngheo', address: 'Z60' });
    expect(await page.locator('li.issue[data-code="HH.ESCAPED_WINDOW"]').getAttribute('aria-current')).toBe('true');
    await page.locator('li.issue[data-code="PRG.OVERSPENT"] button.issue-go').click();
    await idle(page);
    expect(await page.evaluate(() => window.gnbvFakeExcel.selection())).toEqual({ sheet: 'Tien do', address: 'I14' });
    await screenshot(page, 'taskpane-04-selected');

    // The officer fixes the cells (the clean workbook's values typed in); Kiểm tra finds nothing.
    await page.evaluate((grids) => window.gnbvFakeExcel.typeCells(grids), cleanGrids);
    await page.locator('#check').click();
    await idle(page);
    expect(await statusText(page)).toBe('Không có lỗi nào. Bảng đã sẵn sàng để gửi.');
    expect(await listedIssues(page)).toEqual([]);
    expect(await page.evaluate(() => window.gnbvFakeExcel.fill('Ho ngheo', 'Z60'))).toBe('{"pattern":"None"}');
    expect(await page.locator('#submit').isEnabled()).toBe(true);
    expect(await page.locator('#submit').textContent()).toBe('Gửi báo cáo — Cả năm 2024');
    expect(await page.locator('#submit-note').textContent()).toBe(
      `Sẽ gửi 5 trang: ${cleanGrids.map((g) => g.name).join(', ')}.`,
    );
    await screenshot(page, 'taskpane-05-clean');

    // Gửi: the first try reaches the server, which stores it, but the answer is lost (connection
    // reset) and the network stays down; the pane keeps it queued and says so.
    let firstAnswer: number | null = null;
    let progressShown = '';
    await page.route(
      SUBMISSIONS,
      async (route) => {
        const res = await route.fetch();
        firstAnswer = res.status();
        // While the pane waits for the answer: its progress indicator.
        progressShown = (await page.locator('#submission label[for="submit-progress"]').textContent()) ?? '';
        await screenshot(page, 'taskpane-06-sending');
        await context.setOffline(true);
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.locator('#submit').click();
    await page.locator('#submit-waiting').waitFor({ state: 'visible', timeout: 60_000 });
    expect(firstAnswer).toBe(201);
    expect(progressShown).toMatch(/^Đang gửi \d+ KB lên máy chủ; máy chủ kiểm tra lại rồi lưu…$/);
    expect(await page.locator('#submit-waiting strong').textContent()).toBe('Mất kết nối — sẽ tự gửi lại…');
    expect(await page.locator('#submit-waiting').textContent()).toContain('sẽ không bị nộp hai lần');
    const queued = await queuedInBrowser(page);
    expect(queued?.key).toBe(sent[0]?.key);
    expect(queued?.period).toBe('2024-Y');
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    await screenshot(page, 'taskpane-07-connection-lost');
    const storedMeanwhile = await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Y');
    expect(storedMeanwhile.body.submissions.map((s) => s.version)).toEqual([1]);

    // The network comes back: the pane sends the same bytes under the same key, and the server
    // answers with its first receipt.
    await context.setOffline(false);
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('receipt');
    await screenshot(page, 'taskpane-08-receipt');

    expect(sent.length).toBeGreaterThanOrEqual(2);
    const first = sent[0] as Sent;
    expect(first.key).toMatch(UUID);
    for (const s of sent) {
      expect(s.key).toBe(first.key);
      expect(s.encoding).toBe('gzip');
      expect(s.authorization).toBe(`Bearer ${DEMO_TOKENS.commune}`);
      expect(s.body.equals(first.body)).toBe(true);
    }
    expect([...first.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const request = SubmissionRequest.parse(JSON.parse(gunzipSync(first.body).toString('utf8')));
    expect(request.period).toBe('2024-Y');
    expect(request.sheets.map((s) => s.grid)).toEqual(cleanGrids);

    const list = (await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Y')).body.submissions;
    expect(list.map((s) => s.version)).toEqual([1]);
    const stored = list[0];
    const detail = await apiGet<SubmissionDetail>(worker.url, DEMO_TOKENS.commune, `/api/submissions/${stored?.id}`);
    expect(detail.body.sheets.map((s) => s.grid)).toEqual(cleanGrids);

    const facts = await page.locator('#receipt dl').innerText();
    expect(facts).toMatch(/Phiên bản\s+1\n/);
    expect(facts).toMatch(/Kỳ báo cáo\s+Cả năm 2024\n/);
    expect(facts).toMatch(/Thời gian nhận\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(giờ Việt Nam\)\n/);
    expect(facts).toMatch(/Thời hạn\s+Nộp muộn \(hạn nộp kỳ này: 10\/12\/2024\)\n/);
    const cleanResult = validateWorkbook(
      cleanGrids.map((grid) => ({ grid })),
      { plan, period: '2024-Y' },
    );
    expect(facts).toContain(
      `Nội dung\nDanh sách hộ: ${cleanResult.households.length} dòng dữ liệu; ` +
        `Danh sách đối tượng được hỗ trợ: ${cleanResult.beneficiaries.length} dòng dữ liệu; ` +
        `Báo cáo tiến độ: ${cleanResult.progress.length} dòng dữ liệu\n`,
    );
    expect(await page.locator('#receipt .receipt-warnings summary').textContent()).toBe('Cảnh báo kèm theo: 1');
    expect(await page.locator('#receipt .receipt-warnings li').getAttribute('data-code')).toBe('SUBMIT.LATE');
    expect(await queuedInBrowser(page)).toBeNull();

    // The district sees Xuân Hoà's three kinds, version 1.
    const status = await apiGet<StatusResponse>(worker.url, DEMO_TOKENS.district, '/api/status?period=2024-Y');
    expect(status.status).toBe(200);
    const xuanHoa = status.body.communes.find((c) => c.commune.id === 'xuan-hoa');
    expect(xuanHoa?.kinds.map((k) => [k.kind, k.version, k.submissionId])).toEqual([
      ['households', 1, stored?.id],
      ['beneficiaries', 1, stored?.id],
      ['progress', 1, stored?.id],
    ]);

    // Reopening the pane sends nothing more: the queue is empty.
    const before = sent.length;
    await page.reload();
    await page.locator('#check').waitFor({ state: 'visible' });
    await page.waitForTimeout(1_000);
    expect(sent.length).toBe(before);

    const unexpected = problems.filter((p) => !/requestfailed: .*\/api\/submissions|ERR_CONNECTION_RESET|ERR_INTERNET_DISCONNECTED/.test(p));
    expect(unexpected).toEqual([]);
    expect(httpErrors).toEqual([]);
  });

  it('a submission left queued when the pane closed is sent with the same key when it opens again (in English)', async () => {
    const { page, problems, httpErrors } = await chrome.newPage({ viewport: { width: 420, height: 860 } });
    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/submissions') keys.push(r.headers()['idempotency-key']);
    });
    await openTaskPane(page, worker.url, cleanGrids);
    await signInAndChoose(page, '2024-Q4', 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('#check').click();
    await idle(page);
    expect(await statusText(page)).toBe('No issues. The workbook is ready to submit.');
    expect(await page.locator('#submit').textContent()).toBe('Submit report — Q4 2024');

    // No try gets through: the server never sees it.
    await page.route(SUBMISSIONS, (route) => route.abort('internetdisconnected'));
    await page.locator('#submit').click();
    await page.locator('#submit-waiting').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#submit-waiting strong').textContent()).toBe('Connection lost — will resend automatically…');
    await screenshot(page, 'taskpane-09-en-waiting');
    const queued = await queuedInBrowser(page);
    expect(queued?.key).toMatch(UUID);
    expect(queued?.period).toBe('2024-Q4');
    expect((await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Q4')).body.submissions).toEqual([]);

    // Excel is closed and opened again with the network back: the pane sends what was queued.
    await page.unroute(SUBMISSIONS);
    await page.reload();
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'taskpane-10-en-sent-after-reopen');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys)).toEqual(new Set([queued?.key]));
    const facts = await page.locator('#receipt dl').innerText();
    expect(facts).toMatch(/Version\s+1\n/);
    expect(facts).toMatch(/Period\s+Q4 2024\n/);
    expect(facts).toMatch(/Received at\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(Vietnam time\)\n/);
    expect(facts).toMatch(/Deadline\s+Late \(this period was due 15\/12\/2024\)\n/);
    const list = (await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, '/api/submissions?period=2024-Q4')).body.submissions;
    expect(list.map((s) => s.version)).toEqual([1]);
    expect(await queuedInBrowser(page)).toBeNull();

    expect(problems.filter((p) => !/requestfailed: .*\/api\/submissions|ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
    expect(httpErrors).toEqual([]);
  });
});
