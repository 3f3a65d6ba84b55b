import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewAuditResponse, ReviewListResponse, type ReviewSummary, SubmissionDetail } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { sampleGrids } from '../samples.ts';
import { axeViolations, signIn } from './district-page.ts';
import {
  acceptSelected,
  chooseSheet,
  clickCell,
  closeReview,
  openReviewView,
  pressReopen,
  pressReturn,
  reviewStates,
  reviewViewState,
  waitReviewState,
  writeComment,
} from './district-review-page.ts';
import { PERIOD, SAMPLE, buildDistrictPage, communeToken, submitGrids } from './district-seed.ts';
import { type BrowserSession, DEMO_TOKENS, type TestPage, type WorkerServer, apiGet, launchBrowser, screenshot, startWorker } from './harness.ts';

/**
 * Issue 20, the district's side in the browser: the real Worker on a fresh local D1, the built
 * district page in Debian's Chromium. Three communes of Thọ Xuân send 2024-Y through the API
 * (Thọ Lập sends nothing); the district officer sees each review state in the status grid and
 * the review panel, opens Xuân Hoà's report (one engine warning, marked on its cell), clicks a
 * cell, writes a comment and returns it; accepts Xuân Lai and Xuân Lập at once with the
 * checkboxes; reopens Xuân Lập; and reads the audit. Everything the page shows is compared with
 * what the API answers. Screenshots under tests/artifacts/district-review-*.png.
 */

/** Xuân Hoà's clean workbook with one progress line (Tien do, row 11) still "in progress" past its end: the engine's PRG.OVERDUE warning at J11, no error. */
const WARNING = { sheet: 'Tien do', row: 11, column: 'J', code: 'PRG.OVERDUE', value: 'Đang thực hiện' } as const;
/** The cell the district comments on: Trịnh Đình Dũng's name (row 12, column B of the household list). */
const CELL = { sheet: 'Ho ngheo', row: 12, column: 'B' } as const;
/** Quotes, diacritics, markup-like text, a line break and a trailing space: read back byte for byte. */
const COMMENT = 'Họ tên chủ hộ: "Dũng" hay "Dụng"? <b>Đối chiếu</b> CCCD 038078507221 & sổ hộ khẩu.\n  Sửa xong gửi lại giúp. ';

let worker: WorkerServer;
let chrome: BrowserSession;
let withWarning: Grid[];

beforeAll(async () => {
  await buildDistrictPage();
  const [w, c, workbook] = await Promise.all([startWorker(), launchBrowser(), sampleGrids(SAMPLE.workbook)]);
  [worker, chrome] = [w, c];
  withWarning = structuredClone(workbook);
  const progress = withWarning.find((g) => g.name === WARNING.sheet);
  const row = progress?.rows[WARNING.row - 1];
  if (!row) throw new Error(`no row ${WARNING.row} in ${WARNING.sheet}`);
  expect(row[9]).toBe('Hoàn thành');
  row[9] = WARNING.value;
});

afterAll(async () => {
  await chrome?.stop();
  await worker?.stop();
});

async function reviews(): Promise<Record<string, ReviewSummary>> {
  const { status, body } = await apiGet(worker.url, DEMO_TOKENS.district, `/api/reviews?period=${PERIOD}`);
  expect(status).toBe(200);
  return Object.fromEntries(ReviewListResponse.parse(body).reviews.map((r) => [r.communeId, r]));
}

async function audit(communeId: string): Promise<ReviewAuditResponse> {
  const { status, body } = await apiGet(worker.url, DEMO_TOKENS.district, `/api/reviews/${communeId}/${PERIOD}/audit`);
  expect(status).toBe(200);
  return ReviewAuditResponse.parse(body);
}

/** The review badge in the status grid's commune heading. */
async function gridBadges(t: TestPage): Promise<Record<string, string>> {
  const rows = await t.page.$$eval('#status-grid tbody tr', (trs) =>
    trs.map((tr) => [(tr as HTMLElement).dataset.commune ?? '', (tr.querySelector('th .review-badge') as HTMLElement | null)?.dataset.reviewState ?? ''] as const),
  );
  return Object.fromEntries(rows);
}

describe('the district reviews in its page', () => {
  it('shows each state, returns with a cell comment, accepts two at once, reopens one, and lists the audit', async () => {
    // Three communes send 2024-Y; Thọ Lập sends nothing.
    const [lai, lap] = await Promise.all([communeToken(worker.url, 'xuan-lai'), communeToken(worker.url, 'xuan-lap')]);
    const hoa = await submitGrids(worker.url, DEMO_TOKENS.commune, PERIOD, withWarning);
    const laiReceipt = await submitGrids(worker.url, lai, PERIOD, await sampleGrids(SAMPLE.households));
    const lapReceipt = await submitGrids(worker.url, lap, PERIOD, await sampleGrids(SAMPLE.workbook));
    const detail = SubmissionDetail.parse((await apiGet(worker.url, DEMO_TOKENS.district, `/api/submissions/${hoa.id}`)).body);
    const cellWarnings = detail.warnings.filter((w) => w.row !== null);
    expect(cellWarnings.map((w) => [w.code, w.sheet, w.row, w.column])).toEqual([[WARNING.code, WARNING.sheet, WARNING.row, WARNING.column]]);

    // bypassCSP: axe-core is injected to audit the review panel and dialog.
    const t = await chrome.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const { page } = t;
    const serious = async (): Promise<string[]> =>
      (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
    await signIn(page, worker.url, DEMO_TOKENS.district, PERIOD);

    // ---- the states, in the review panel and in the status grid ----
    const shown = await reviewStates(page);
    expect(Object.fromEntries(Object.entries(shown).map(([id, s]) => [id, [s.state, s.text, s.version]]))).toEqual({
      'xuan-hoa': ['submitted', '… Chờ duyệt', '1'],
      'xuan-lai': ['submitted', '… Chờ duyệt', '1'],
      'xuan-lap': ['submitted', '… Chờ duyệt', '1'],
      'tho-lap': ['missing', '– Chưa nộp', ''],
    });
    expect(await gridBadges(t)).toEqual({ 'xuan-hoa': 'submitted', 'xuan-lai': 'submitted', 'xuan-lap': 'submitted', 'tho-lap': 'missing' });
    expect(await page.locator('#review-grid tr[data-commune="tho-lap"] button.open-review').count()).toBe(0);
    expect(await page.locator('#review-grid input.review-select').count()).toBe(3);
    await screenshot(page, 'district-review-01-states');
    expect(await serious()).toEqual([]);

    // ---- Xuân Hoà's report: its warning marked on its cell ----
    await openReviewView(page, 'xuan-hoa');
    expect(await reviewViewState(page)).toBe('submitted');
    expect(await page.locator('#review-title').innerText()).toBe('Duyệt báo cáo: Xuân Hoà — Cả năm 2024');
    const listed = page.locator(`#review-warnings tbody tr[data-code="${WARNING.code}"]`);
    expect(await listed.count()).toBe(1);
    expect([await listed.getAttribute('data-sheet'), await listed.getAttribute('data-row'), await listed.getAttribute('data-column')]).toEqual([WARNING.sheet, String(WARNING.row), WARNING.column]);
    await chooseSheet(page, WARNING.sheet);
    const marked = page.locator('#review-sheet td.marked');
    expect(await marked.evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.cell))).toEqual([`${WARNING.column}${WARNING.row}`]);
    expect(await marked.getAttribute('title')).toBe(cellWarnings[0]?.message);
    expect(await marked.innerText()).toBe(WARNING.value);
    // Nothing to return with yet: the button says why it waits.
    expect(await page.locator('#review-return').isDisabled()).toBe(true);
    expect(await page.locator('#review-action-reason').innerText()).toBe('Muốn trả lại, cần ít nhất một ý kiến.');
    await marked.scrollIntoViewIfNeeded();
    await screenshot(page, 'district-review-02-warning-marked');

    // ---- a comment on one cell, by clicking it, and Trả lại ----
    await chooseSheet(page, CELL.sheet);
    const address = `${CELL.column}${CELL.row}`;
    expect(await page.locator(`#review-sheet td[data-cell="${address}"]`).innerText()).toBe('Trịnh Đình Dũng');
    await clickCell(page, address);
    const draft = page.locator('#review-drafts li');
    expect(await draft.count()).toBe(1);
    expect([await draft.getAttribute('data-scope'), await draft.getAttribute('data-sheet'), await draft.getAttribute('data-row'), await draft.getAttribute('data-column')]).toEqual([
      'cell',
      CELL.sheet,
      String(CELL.row),
      CELL.column,
    ]);
    expect(await draft.locator('.place').innerText()).toBe(`Ô ${address} — ${CELL.sheet}`);
    // A blank draft holds both buttons back.
    expect(await page.locator('#review-return').isDisabled()).toBe(true);
    expect(await page.locator('#review-action-reason').innerText()).toBe('Có ý kiến còn trống: hãy ghi nội dung hoặc xoá ý kiến đó.');
    await writeComment(page, COMMENT);
    expect(await page.locator('#review-return').isEnabled()).toBe(true);
    expect(await page.locator(`#review-sheet td[data-cell="${address}"]`).getAttribute('class')).toContain('commented');
    await page.locator('#review-drafts').scrollIntoViewIfNeeded();
    await screenshot(page, 'district-review-03-comment');
    expect(await serious()).toEqual([]);
    await pressReturn(page);
    expect(await page.locator('#review-notice').innerText()).toBe('Đã ghi nhận: Trả lại');
    const current = page.locator('#review-current-comments li');
    expect(await current.count()).toBe(1);
    expect(await current.locator('.text').textContent()).toBe(COMMENT);
    await screenshot(page, 'district-review-04-returned');
    await closeReview(page);
    await waitReviewState(page, 'xuan-hoa', 'returned');
    expect((await gridBadges(t))['xuan-hoa']).toBe('returned');
    // Back from the dialog, the focus is on that commune's button again (the panel was redrawn meanwhile).
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset.commune)).toBe('xuan-hoa');

    // The API has the comment byte for byte, with its sheet, row and column.
    const afterReturn = await reviews();
    expect(afterReturn['xuan-hoa']?.state).toBe('returned');
    expect(afterReturn['xuan-hoa']?.version).toBe(hoa.version);
    expect(afterReturn['xuan-hoa']?.comments).toEqual([{ scope: 'cell', sheet: CELL.sheet, row: CELL.row, column: CELL.column, text: COMMENT }]);
    const { body: ownBody } = await apiGet(worker.url, DEMO_TOKENS.commune, `/api/reviews?period=${PERIOD}&communeId=xuan-hoa`);
    expect(ReviewListResponse.parse(ownBody).reviews[0]?.comments[0]?.text).toBe(COMMENT);

    // ---- Xuân Lai and Xuân Lập accepted at once ----
    expect(await page.locator('#review-grid input.review-select[data-commune="xuan-hoa"]').count()).toBe(0);
    const results = await acceptSelected(page, ['xuan-lai', 'xuan-lap']);
    expect(results).toEqual({
      'xuan-lai': { result: 'ok', text: `Xuân Lai: Đã duyệt phiên bản ${laiReceipt.version}` },
      'xuan-lap': { result: 'ok', text: `Xuân Lập: Đã duyệt phiên bản ${lapReceipt.version}` },
    });
    await waitReviewState(page, 'xuan-lai', 'accepted');
    await waitReviewState(page, 'xuan-lap', 'accepted');
    expect(await gridBadges(t)).toEqual({ 'xuan-hoa': 'returned', 'xuan-lai': 'accepted', 'xuan-lap': 'accepted', 'tho-lap': 'missing' });
    expect(await page.locator('#review-grid input.review-select').count()).toBe(0);
    const afterAccept = await reviews();
    expect(Object.fromEntries(Object.entries(afterAccept).map(([id, r]) => [id, r.state]))).toEqual({ 'xuan-hoa': 'returned', 'xuan-lai': 'accepted', 'xuan-lap': 'accepted', 'tho-lap': 'missing' });
    await screenshot(page, 'district-review-05-accepted-two');

    // ---- Xuân Lập reopened: chờ duyệt again ----
    await openReviewView(page, 'xuan-lap');
    expect(await reviewViewState(page)).toBe('accepted');
    expect(await page.locator('#review-accept').isDisabled()).toBe(true);
    expect(await page.locator('#review-return').isDisabled()).toBe(true);
    await pressReopen(page);
    expect(await page.locator('#review-notice').innerText()).toBe('Đã ghi nhận: Chờ duyệt');
    expect(await page.locator('#review-accept').isEnabled()).toBe(true);

    // The audit lists each transition, as the API records it.
    const lapAudit = await audit('xuan-lap');
    const rows = await page.$$eval('#review-audit tbody tr', (trs) => trs.map((tr) => ({ from: (tr as HTMLElement).dataset.from, to: (tr as HTMLElement).dataset.to, action: (tr as HTMLElement).dataset.action, text: (tr as HTMLElement).innerText })));
    expect(rows.map((r) => [r.from, r.to, r.action])).toEqual(lapAudit.transitions.map((tr) => [tr.from, tr.to, tr.action]));
    expect(lapAudit.transitions.map((tr) => [tr.from, tr.to, tr.action, tr.role])).toEqual([
      ['missing', 'submitted', 'submit', 'commune'],
      ['submitted', 'accepted', 'accept', 'district'],
      ['accepted', 'submitted', 'reopen', 'district'],
    ]);
    expect(rows.map((r) => r.text.split('\t').slice(1, 4))).toEqual([
      ['Cán bộ xã xuan-lap (test)', 'Cán bộ xã', 'Chưa nộp → Chờ duyệt'],
      ['Cán bộ huyện Thọ Xuân (demo)', 'Cán bộ huyện/tỉnh', 'Chờ duyệt → Đã duyệt'],
      ['Cán bộ huyện Thọ Xuân (demo)', 'Cán bộ huyện/tỉnh', 'Đã duyệt → Chờ duyệt'],
    ]);
    await page.locator('#review-audit').scrollIntoViewIfNeeded();
    await screenshot(page, 'district-review-06-reopened-audit');
    expect(await serious()).toEqual([]);
    await closeReview(page);
    await waitReviewState(page, 'xuan-lap', 'submitted');
    expect((await gridBadges(t))['xuan-lap']).toBe('submitted');

    // Xuân Hoà's audit: the submission and the return, with its comment.
    const hoaAudit = await audit('xuan-hoa');
    expect(hoaAudit.transitions.map((tr) => [tr.from, tr.to, tr.commentCount])).toEqual([
      ['missing', 'submitted', 0],
      ['submitted', 'returned', 1],
    ]);
    expect(hoaAudit.transitions[1]?.comments).toEqual([{ scope: 'cell', sheet: CELL.sheet, row: CELL.row, column: CELL.column, text: COMMENT }]);
    await screenshot(page, 'district-review-07-final');

    expect(t.problems).toEqual([]);
    expect(t.httpErrors).toEqual([]);
  });
});
