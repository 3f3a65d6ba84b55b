/**
 * Driving the district page's review (issue 20) in the browser tests: the review panel beside the
 * status grid and the review dialog. Reusable by a full loop test with the task pane.
 */
import type { Page } from 'playwright-core';

export type ShownReviewState = 'missing' | 'submitted' | 'accepted' | 'returned';

/** Each commune's review state as the review panel shows it, with its text. */
export async function reviewStates(page: Page): Promise<Record<string, { state: string; text: string; version: string }>> {
  const rows = await page.$$eval('#review-grid tbody tr', (trs) =>
    trs.map((tr) => {
      const el = tr as HTMLTableRowElement;
      return [el.dataset.commune ?? '', { state: el.dataset.reviewState ?? '', text: (el.querySelector('.review-badge') as HTMLElement | null)?.innerText.trim() ?? '', version: el.dataset.version ?? '' }] as const;
    }),
  );
  return Object.fromEntries(rows);
}

/** Waits until the review panel shows `state` for the commune (the grid is refreshed after an action). */
export async function waitReviewState(page: Page, communeId: string, state: ShownReviewState): Promise<void> {
  await page.locator(`#review-grid tr[data-commune="${communeId}"][data-review-state="${state}"]`).waitFor({ timeout: 30_000 });
}

/** Opens the review dialog of a commune from the panel and waits for its data. */
export async function openReviewView(page: Page, communeId: string): Promise<void> {
  await page.locator(`#review-grid tr[data-commune="${communeId}"] button.open-review`).click();
  await page.locator('#review[open] #review-state').waitFor({ timeout: 30_000 });
}

/** The state the open review dialog shows. */
export async function reviewViewState(page: Page): Promise<string> {
  return (await page.locator('#review #review-state').getAttribute('data-review-state')) ?? '';
}

/** Shows another sheet of the version in the dialog. */
export async function chooseSheet(page: Page, sheet: string): Promise<void> {
  await page.locator(`#review .sheet-tabs button[data-sheet="${sheet}"]`).click();
  await page.locator(`#review-sheet[data-sheet="${sheet}"]`).waitFor();
}

/** The sheet shown, and the first non-empty cell below `minRow` (an address like "C7"). */
export async function firstValueCell(page: Page, minRow: number): Promise<{ sheet: string; cell: string; text: string }> {
  return page.$eval(
    '#review-sheet',
    (table, min) => {
      for (const td of table.querySelectorAll<HTMLTableCellElement>('td[data-cell]')) {
        const row = Number(/\d+$/.exec(td.dataset.cell ?? '')?.[0]);
        if (row > min && (td.textContent ?? '') !== '') return { sheet: (table as HTMLElement).dataset.sheet ?? '', cell: td.dataset.cell ?? '', text: td.textContent ?? '' };
      }
      throw new Error('no value cell');
    },
    minRow,
  );
}

/** Clicks a cell of the sheet shown (a cell comment draft). */
export async function clickCell(page: Page, cell: string): Promise<void> {
  await page.locator(`#review-sheet td[data-cell="${cell}"]`).click();
  await page.locator('#review-drafts li[data-scope="cell"]').last().waitFor();
}

/** Clicks a row number of the sheet shown (a row comment draft). */
export async function clickRowHeader(page: Page, row: number): Promise<void> {
  await page.locator(`#review-sheet tbody tr[data-row="${row}"] th`).click();
}

/** Writes the text of the last draft (or the draft at `index`). */
export async function writeComment(page: Page, text: string, index = -1): Promise<void> {
  const areas = page.locator('#review-drafts textarea');
  const area = index < 0 ? areas.last() : areas.nth(index);
  await area.fill(text);
}

/** Presses an action of the dialog and waits until the dialog shows the state it leads to. */
async function press(page: Page, id: string, to: ShownReviewState): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#review #review-state[data-review-state="${to}"]`).waitFor({ timeout: 30_000 });
}

export function pressReturn(page: Page): Promise<void> {
  return press(page, 'review-return', 'returned');
}

export async function pressAccept(page: Page, summary?: string): Promise<void> {
  if (summary !== undefined) await page.locator('#review-summary').fill(summary);
  await press(page, 'review-accept', 'accepted');
}

export function pressReopen(page: Page): Promise<void> {
  return press(page, 'review-reopen', 'submitted');
}

export async function closeReview(page: Page): Promise<void> {
  await page.locator('#review-close').click();
  await page.locator('#review').waitFor({ state: 'hidden' });
}

/** Ticks the communes' checkboxes and presses "Duyệt các xã đã chọn"; the results, per commune. */
export async function acceptSelected(page: Page, communeIds: readonly string[]): Promise<Record<string, { result: string; text: string }>> {
  for (const id of communeIds) await page.locator(`#review-grid input.review-select[data-commune="${id}"]`).check();
  await page.locator('#accept-selected').click();
  await page.locator('#accept-results li').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  const items = await page.$$eval('#accept-results li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.commune ?? '', { result: (li as HTMLElement).dataset.result ?? '', text: li.textContent ?? '' }] as const));
  return Object.fromEntries(items);
}
