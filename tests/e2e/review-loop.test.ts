import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReviewActionResponse, ReviewListResponse, type ReviewSummary } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { readXlsxWithExceljs } from '../reference-xlsx-reader.ts';
import { sampleGrids } from '../samples.ts';
import { communeToken, send, submitSample } from './district-seed.ts';
import { type BrowserSession, DEMO_TOKENS, SAMPLES_DIR, type WorkerServer, apiGet, launchBrowser, screenshot, startWorker } from './harness.ts';
import { idle, listedIssues, openTaskPane } from './taskpane-host.ts';
import { choosePeriod, downloadMarkedCopy, dropAndCheck, signIn } from './upload-page.ts';
import { MARK_COLOURS, compareCopy } from './xlsx-marks.ts';

/**
 * Issue 20's loop end to end: the real Worker on a fresh local D1, the BUILT task pane in Debian's
 * Chromium over the strict Excel stand-in, and the upload page. The commune sends the clean Xuân Hoà workbook; the
 * district returns it with a comment on one cell; the upload page lists it; the task pane lists the comment and marks exactly
 * that cell in the review colour with the comment as its note; the officer fixes the cell and
 * presses Gửi; the district sees chờ duyệt and accepts; the merged workbook with accepted=1 holds
 * Xuân Hoà and not Xuân Lập (received, never accepted). Screenshots under tests/artifacts/.
 */

const CLEAN = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
const PERIOD = '2024-Y';
const SHEET = 'Ho ngheo';
/** Trịnh Đình Dũng's name (row 12, column B of the sample's household list). */
const CELL = { row: 12, column: 'B' } as const;
const COMMENT = 'Họ tên chủ hộ: kiểm tra lại dấu — "Dũng" hay "Dụng"? Đối chiếu CCCD 038078507221.';
const REVIEW_FILL = 'BDD7EE';

let worker: WorkerServer;
let chrome: BrowserSession;
let cleanGrids: Grid[];

beforeAll(async () => {
  [worker, chrome, cleanGrids] = await Promise.all([startWorker(), launchBrowser(), sampleGrids(CLEAN)]);
});

afterAll(async () => {
  await chrome?.stop();
  await worker?.stop();
});

/** The engine's issues as listed (the district's comments are listed beside them, with no code). */
async function engineIssues(page: import('playwright-core').Page) {
  return (await listedIssues(page)).filter((i) => i.code !== '');
}

async function review(token: string, communeId: string): Promise<ReviewSummary> {
  const { status, body } = await apiGet(worker.url, token, `/api/reviews?period=${PERIOD}&communeId=${communeId}`);
  expect(status).toBe(200);
  const found = ReviewListResponse.parse(body).reviews.find((r) => r.communeId === communeId);
  if (!found) throw new Error(`no review for ${communeId}`);
  return found;
}

describe('review and return, closed inside Excel', () => {
  it('returns with a cell comment, the task pane marks that cell, the fix is sent, accepted, and merged alone', async () => {
    // The commune's first version (and another commune's, which the district never accepts).
    const first = await submitSample(worker.url, DEMO_TOKENS.commune, PERIOD, CLEAN);
    const xuanLap = await communeToken(worker.url, 'xuan-lap');
    await submitSample(worker.url, xuanLap, PERIOD, CLEAN);
    expect((await review(DEMO_TOKENS.district, 'xuan-hoa')).state).toBe('submitted');

    // The district returns it with one comment on one cell, on the version it looked at.
    const returned = await send<ReviewActionResponse>(
      worker.url,
      DEMO_TOKENS.district,
      'POST',
      `/api/reviews/xuan-hoa/${PERIOD}/return`,
      { version: first.version, comments: [{ scope: 'cell', sheet: SHEET, row: CELL.row, column: CELL.column, text: COMMENT }] },
      200,
    );
    expect(returned.review.state).toBe('returned');

    // The upload page, for officers without the add-in: the same comment beside the file's check.
    const web = await chrome.newPage();
    await signIn(web.page, worker.url, DEMO_TOKENS.commune);
    await choosePeriod(web.page, PERIOD);
    await dropAndCheck(web.page, CLEAN);
    await web.page.locator('#review li.review-comment').first().waitFor();
    expect(await web.page.locator('#review .review').getAttribute('data-state')).toBe('returned');
    const onWeb = web.page.locator('#review li.review-comment');
    expect(await onWeb.count()).toBe(1);
    expect([await onWeb.getAttribute('data-target'), await onWeb.getAttribute('data-sheet'), await onWeb.getAttribute('data-row'), await onWeb.getAttribute('data-column')]).toEqual([
      'cell',
      SHEET,
      String(CELL.row),
      CELL.column,
    ]);
    expect(await onWeb.locator('.text').textContent()).toBe(COMMENT);
    await screenshot(web.page, 'review-loop-00-returned-on-upload-page');
    // Its marked copy: that one cell in the review colour with the comment as note, no value changed.
    const copy = await downloadMarkedCopy(web.page);
    const compared = compareCopy(readFileSync(CLEAN), copy.bytes);
    expect(compared.changedValues).toEqual([]);
    expect(compared.marks.map((m) => [m.cell, m.fill])).toEqual([[`${SHEET}!${CELL.column}${CELL.row}`, MARK_COLOURS.review]]);
    expect(compared.marks[0]?.note).toContain(COMMENT);
    expect(web.problems).toEqual([]);
    await web.page.close();

    // The task pane: sign in, choose the period, Kiểm tra.
    const { page, problems, httpErrors } = await chrome.newPage({ viewport: { width: 420, height: 900 } });
    await openTaskPane(page, worker.url, cleanGrids);
    await page.locator('#settings-toggle').click();
    await page.locator('#token').fill(DEMO_TOKENS.commune);
    await page.locator('#save-settings').click();
    await idle(page);
    await page.locator('#period').selectOption(PERIOD);
    await page.locator('#check').click();
    await idle(page);
    await page.locator('#review li.issue.review').first().waitFor();

    // The comment, listed with the state; the clean workbook has no issue of its own.
    expect(await engineIssues(page)).toEqual([]);
    expect(await page.locator('#review').getAttribute('data-state')).toBe('returned');
    expect(await page.locator('#review .review-state').textContent()).toBe('Trả lại');
    const listed = page.locator('#review li.issue.review');
    expect(await listed.count()).toBe(1);
    expect(await listed.getAttribute('data-sheet')).toBe(SHEET);
    expect(await listed.getAttribute('data-row')).toBe(String(CELL.row));
    expect(await listed.getAttribute('data-column')).toBe(CELL.column);
    expect(await listed.locator('.text').textContent()).toBe(COMMENT);

    // Exactly that cell is marked, in the review colour, with the comment as its note.
    const address = `${CELL.column}${CELL.row}`;
    const marks = await page.evaluate(() => window.gnbvFakeExcel.marks());
    expect(Object.keys(marks).filter((k) => k.includes('!fill!'))).toHaveLength(1);
    expect(Object.keys(marks).filter((k) => k.includes('!note!'))).toEqual([`${SHEET}!note!${address}`]);
    expect((await page.evaluate(([s, a]) => window.gnbvFakeExcel.fill(s, a), [SHEET, address] as const)).toUpperCase()).toContain(REVIEW_FILL);
    expect(marks[`${SHEET}!note!${address}`]).toContain(COMMENT);
    await screenshot(page, 'review-loop-01-returned-in-taskpane');

    // A click on the comment selects its cell.
    await listed.locator('button.issue-go').click();
    await idle(page);
    expect(await page.evaluate(() => window.gnbvFakeExcel.selection())).toEqual({ sheet: SHEET, address });

    // The officer fixes the name in place, checks again and presses Gửi.
    const fixed = structuredClone(cleanGrids);
    const list = fixed.find((g) => g.name === SHEET)!;
    expect(list.rows[CELL.row - 1]![1]).toBe('Trịnh Đình Dũng');
    list.rows[CELL.row - 1]![1] = 'Trịnh Đình Dụng';
    await page.evaluate((grids) => window.gnbvFakeExcel.typeCells(grids), fixed);
    await page.locator('#check').click();
    await idle(page);
    expect(await engineIssues(page)).toEqual([]);
    expect(await page.locator('#submit').isEnabled()).toBe(true);
    await screenshot(page, 'review-loop-02-fixed');
    await page.locator('#submit').click();
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'review-loop-03-sent');

    // The district sees chờ duyệt on the new version, whose cell holds the fix, and accepts it.
    const waiting = await review(DEMO_TOKENS.district, 'xuan-hoa');
    expect([waiting.state, waiting.version]).toEqual(['submitted', first.version + 1]);
    const detail = await apiGet<{ sheets: { grid: Grid }[] }>(worker.url, DEMO_TOKENS.district, `/api/submissions/${waiting.submissionId}`);
    expect(detail.body.sheets.find((s) => s.grid.name === SHEET)?.grid.rows[CELL.row - 1]?.[1]).toBe('Trịnh Đình Dụng');
    const accepted = await send<ReviewActionResponse>(worker.url, DEMO_TOKENS.district, 'POST', `/api/reviews/xuan-hoa/${PERIOD}/accept`, { version: waiting.version }, 200);
    expect(accepted.review.state).toBe('accepted');
    expect((await review(DEMO_TOKENS.commune, 'xuan-hoa')).state).toBe('accepted');

    // The merged workbook of accepted reports: Xuân Hoà, and not Xuân Lập.
    const res = await fetch(`${worker.url}/api/workbook?period=${PERIOD}&accepted=1`, { headers: { Authorization: `Bearer ${DEMO_TOKENS.district}` } });
    expect(res.status).toBe(200);
    const grids = await readXlsxWithExceljs(new Uint8Array(await res.arrayBuffer()));
    const households = grids.find((g) => g.name === 'Hộ nghèo, cận nghèo') ?? grids.find((g) => /^Hộ/.test(g.name));
    if (!households) throw new Error(`no household sheet in ${grids.map((g) => g.name).join(', ')}`);
    const communes = new Set(households.rows.flat().filter((v) => v === 'Xuân Hoà' || v === 'Xuân Lập'));
    expect(communes).toEqual(new Set(['Xuân Hoà']));
    expect(households.rows.flat()).toContain('Trịnh Đình Dụng');
    expect(households.rows.flat()).not.toContain('Trịnh Đình Dũng');

    expect(problems).toEqual([]);
    expect(httpErrors).toEqual([]);
  });
});
