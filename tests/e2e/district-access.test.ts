import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import type { CreateTokenResponse, DistrictSummaryResponse, ErrorEnvelope, StatusResponse, SubmissionListResponse } from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { dataOf, shownGrid, signIn, waitLoaded } from './district-page.ts';
import { PERIOD, SAMPLE, buildDistrictPage, send, submitSample } from './district-seed.ts';
import { type BrowserSession, DEMO_TOKENS, type WorkerServer, apiGet, launchBrowser, screenshot, startWorker } from './harness.ts';

/**
 * Who may read the district page's data: a commune token is refused (the page says so, the API
 * answers 403), and a district token sees its own communes only — here a second district, Như
 * Thanh with Xuân Du, made through the admin routes beside the demo's Thọ Xuân.
 */

let worker: WorkerServer;
let chrome: BrowserSession;
let xuanHoaSubmission: string;
let xuanDuSubmission: string;
let otherDistrict: string;

const REFUSED_COMMUNE =
  'Mã này là của cán bộ xã. Trang này chỉ dành cho cán bộ huyện/tỉnh: mã của xã không xem được báo cáo của các xã. Xã nộp báo cáo ở trang Nộp báo cáo (/upload/).';
const STREAMED_WORKBOOK = /^requestfailed: http:\/\/127\.0\.0\.1:\d+\/api\/workbook\?period=[^ ]+ net::ERR_ABORTED$/;

beforeAll(async () => {
  await buildDistrictPage();
  [worker, chrome] = await Promise.all([startWorker(), launchBrowser()]);
  const admin = DEMO_TOKENS.admin;
  await send(worker.url, admin, 'POST', '/api/admin/regions', { id: 'nhu-thanh', name: 'Như Thanh', level: 'district', province: 'Thanh Hoá' }, 201);
  await send(worker.url, admin, 'POST', '/api/admin/communes', { id: 'xuan-du', name: 'Xuân Du', code: 'XD', regionId: 'nhu-thanh' }, 201);
  const plan = { ...structuredClone(XUAN_HOA_2024), id: 'xuan-du-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-du', name: 'Xuân Du', code: 'XD', district: 'Như Thanh' } };
  await send(worker.url, admin, 'PUT', '/api/admin/plans/xuan-du/2024', plan, 200);
  otherDistrict = (await send<CreateTokenResponse>(worker.url, admin, 'POST', '/api/admin/tokens', { role: 'district', label: 'Cán bộ huyện Như Thanh (test)', regionId: 'nhu-thanh' }, 201)).token;
  const xuanDu = (await send<CreateTokenResponse>(worker.url, admin, 'POST', '/api/admin/tokens', { role: 'commune', label: 'Cán bộ xã Xuân Du (test)', communeId: 'xuan-du' }, 201)).token;
  xuanDuSubmission = (await submitSample(worker.url, xuanDu, PERIOD, SAMPLE.households)).id;
  xuanHoaSubmission = (await submitSample(worker.url, DEMO_TOKENS.commune, PERIOD, SAMPLE.workbook)).id;
});

afterAll(async () => {
  await chrome?.stop();
  await worker?.stop();
});

describe('a commune token', () => {
  it('is refused by the page, which keeps nothing and reads nothing, and by the API with 403', async () => {
    const { page, problems, httpErrors } = await chrome.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${worker.url}/district/?period=${PERIOD}`);
    await page.locator('#token').fill(DEMO_TOKENS.commune);
    await page.keyboard.press('Enter');
    await page.locator('#sign-in-error').waitFor({ state: 'visible' });
    expect(await page.locator('#sign-in-error').innerText()).toBe(REFUSED_COMMUNE);
    expect(await page.locator('#sign-in-error').getAttribute('role')).toBe('alert');
    expect(await page.locator('#workspace').isHidden()).toBe(true);
    expect(await page.evaluate(() => [sessionStorage.getItem('gnbv.district.token'), localStorage.getItem('gnbv.district.token')])).toEqual([null, null]);
    expect(requests.filter((p) => p.startsWith('/api/'))).toEqual(['/api/me']);
    await screenshot(page, 'district-10-commune-refused');

    // A commune token left in this origin's storage is checked and dropped on load, before any data call.
    await page.evaluate((token) => sessionStorage.setItem('gnbv.district.token', token), DEMO_TOKENS.commune);
    requests.length = 0;
    await page.reload();
    await page.locator('#sign-in-error').waitFor({ state: 'visible' });
    expect(await page.locator('#sign-in-error').innerText()).toBe(REFUSED_COMMUNE);
    expect(await page.evaluate(() => sessionStorage.getItem('gnbv.district.token'))).toBeNull();
    expect(requests.filter((p) => p.startsWith('/api/'))).toEqual(['/api/me']);
    expect(problems).toEqual([]);
    expect(httpErrors).toEqual([]);

    // The API holds the same line whatever a page does.
    for (const path of [`/api/status?period=${PERIOD}`, `/api/district/summary?period=${PERIOD}`, `/api/workbook?period=${PERIOD}`]) {
      const res = await apiGet<ErrorEnvelope>(worker.url, DEMO_TOKENS.commune, path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    // Its own versions only, whatever commune it asks for; another commune's version does not exist for it.
    const list = await apiGet<SubmissionListResponse>(worker.url, DEMO_TOKENS.commune, `/api/submissions?communeId=xuan-du&period=${PERIOD}`);
    expect(list.body.submissions.map((s) => s.communeId)).toEqual(['xuan-hoa']);
    expect((await apiGet(worker.url, DEMO_TOKENS.commune, `/api/submissions/${xuanDuSubmission}`)).status).toBe(404);
  });

  it('a wrong token is refused with a clear message', async () => {
    const { page } = await chrome.newPage();
    await page.goto(`${worker.url}/district/`);
    await page.locator('#token').fill('not-a-token');
    await page.keyboard.press('Enter');
    await page.locator('#sign-in-error').waitFor({ state: 'visible' });
    expect(await page.locator('#sign-in-error').innerText()).toBe('Mã truy cập không đúng hoặc đã bị thu hồi. Kiểm tra lại mã, hoặc xin mã mới.');
  });
});

describe('a district token', () => {
  it('sees only its own communes: on the page, in the figures, in the merged workbook, and through the API', async () => {
    const t = await chrome.newPage();
    const { page } = t;
    await page.goto(`${worker.url}/district/?period=${PERIOD}`);
    await page.locator('#token').fill(otherDistrict);
    await page.locator('#remember').check();
    await page.keyboard.press('Enter');
    await page.locator('#workspace').waitFor({ state: 'visible' });
    await waitLoaded(page);
    expect(await page.locator('#region').innerText()).toBe('Huyện Như Thanh, tỉnh Thanh Hoá');
    const grid = await shownGrid(page);
    expect(grid.map((r) => [r.commune, r.cells.map((c) => c.state)])).toEqual([['xuan-du', ['late', 'missing', 'missing']]]);
    expect((await dataOf(page, '#chart-households g.bar-row')).map((b) => b.commune)).toEqual(['Xuân Du', 'Xuân Du']);
    const text = await page.locator('body').innerText();
    for (const name of ['Thọ Xuân', 'Xuân Hoà', 'Xuân Lai', 'Xuân Lập', 'Thọ Lập']) expect(text, name).not.toContain(name);
    // Ticked "Ghi nhớ": kept in localStorage; "Đăng xuất" forgets it.
    expect(await page.evaluate(() => [sessionStorage.getItem('gnbv.district.token'), localStorage.getItem('gnbv.district.token')])).toEqual([null, otherDistrict]);
    await screenshot(page, 'district-11-other-district');

    // The page merges accepted reports only by default (issue 20) and Xuân Du's is not accepted: this test is about
    // which communes a district can see at all, so it merges every report received.
    await page.locator('#include-all').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    const book = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
    expect(download.suggestedFilename()).toBe('Tổng hợp GNBV - Như Thanh - 2024-Y.xlsx');
    const communesIn = (sheet: string): string[] => {
      const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[sheet] as XLSX.WorkSheet, { header: 1, defval: null });
      const header = rows.findIndex((r) => r.includes('Xã'));
      const col = rows[header]?.indexOf('Xã') ?? -1;
      // The table's rows: from under the header to the first row without a commune (the totals and signatures are below).
      const names = rows.slice(header + 1).map((r) => r[col]);
      const start = names.findIndex((v) => typeof v === 'string');
      const end = names.findIndex((v, i) => i > start && (typeof v !== 'string' || v === 'Tổng cộng'));
      return [...new Set(names.slice(start, end < 0 ? names.length : end).map(String))];
    };
    expect(communesIn('Tổng hợp')).toEqual(['Xuân Du']);
    expect(communesIn('Hộ')).toEqual(['Xuân Du']);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('#sign-in').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => localStorage.getItem('gnbv.district.token'))).toBeNull();
    expect(t.problems.filter((p) => !STREAMED_WORKBOOK.test(p))).toEqual([]);
    expect(t.httpErrors).toEqual([]);

    // The API: each district its own communes and versions; the other's versions do not exist for it.
    const other = await apiGet<StatusResponse>(worker.url, otherDistrict, `/api/status?period=${PERIOD}`);
    expect(other.body.communes.map((c) => c.commune.id)).toEqual(['xuan-du']);
    const demo = await apiGet<StatusResponse>(worker.url, DEMO_TOKENS.district, `/api/status?period=${PERIOD}`);
    expect(demo.body.communes.map((c) => c.commune.id)).toEqual(['tho-lap', 'xuan-hoa', 'xuan-lai', 'xuan-lap']);
    const otherFigures = await apiGet<DistrictSummaryResponse>(worker.url, otherDistrict, `/api/district/summary?period=${PERIOD}`);
    expect([otherFigures.status, otherFigures.body.region.id, otherFigures.body.communes.map((c) => c.id)]).toEqual([200, 'nhu-thanh', ['xuan-du']]);
    const demoFigures = await apiGet<DistrictSummaryResponse>(worker.url, DEMO_TOKENS.district, `/api/district/summary?period=${PERIOD}`);
    expect(demoFigures.body.communes.map((c) => c.id)).toEqual(['tho-lap', 'xuan-hoa', 'xuan-lai', 'xuan-lap']);
    expect((await apiGet<SubmissionListResponse>(worker.url, otherDistrict, `/api/submissions?period=${PERIOD}`)).body.submissions.map((s) => s.communeId)).toEqual(['xuan-du']);
    expect((await apiGet<SubmissionListResponse>(worker.url, otherDistrict, `/api/submissions?communeId=xuan-hoa&period=${PERIOD}`)).body.submissions).toEqual([]);
    expect((await apiGet(worker.url, otherDistrict, `/api/submissions/${xuanHoaSubmission}`)).status).toBe(404);
    expect((await apiGet(worker.url, DEMO_TOKENS.district, `/api/submissions/${xuanDuSubmission}`)).status).toBe(404);

    // And Thọ Xuân's page does not show Như Thanh's commune.
    const mine = await chrome.newPage();
    await signIn(mine.page, worker.url, DEMO_TOKENS.district, PERIOD);
    expect((await shownGrid(mine.page)).map((r) => r.name)).toEqual(['Thọ Lập', 'Xuân Hoà', 'Xuân Lai', 'Xuân Lập']);
    expect(await mine.page.locator('body').innerText()).not.toContain('Xuân Du');
  });
});
