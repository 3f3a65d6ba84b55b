import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dropFile } from './harness.ts';

/** What the upload page's issue table shows, one object per row (from the rows' data attributes). */
export interface ShownIssue {
  code: string;
  severity: string;
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string;
  value: string;
  message: string;
}

/** Signs in on /upload/ with the token field and button, as an officer would. */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/upload/`);
  await page.locator('#token').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#workspace').waitFor({ state: 'visible' });
  // The plan for the default period has loaded (or is known to be missing).
  await page.waitForFunction(() => !document.querySelector('#plan-status')?.textContent?.includes('Đang tải'));
}

/** Picks the period and the report date the checks use (before the file, so the title does not override it). */
export async function choosePeriod(page: Page, period: string, reportDate?: string): Promise<void> {
  await page.locator('#period').selectOption(period);
  if (reportDate !== undefined) await page.locator('#report-date').fill(reportDate);
  await page.waitForFunction(() => /Kế hoạch năm/.test(document.querySelector('#plan-status')?.textContent ?? ''));
}

/** Drops the file on the drop zone and waits for the check's summary, or the file's error. */
export async function dropAndCheck(page: Page, file: string): Promise<void> {
  await dropFile(page, '#drop-zone', file);
  await page.waitForFunction(
    () => !(document.querySelector('#summary') as HTMLElement).hidden || !(document.querySelector('#file-error') as HTMLElement).hidden,
    undefined,
    { timeout: 60_000 },
  );
}

export async function shownIssues(page: Page): Promise<ShownIssue[]> {
  return page.$$eval('#table-wrap tr.issue', (rows) =>
    rows.map((tr) => {
      const el = tr as HTMLElement;
      const cells = [...el.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return {
        code: el.dataset.code ?? '',
        severity: el.dataset.severity ?? '',
        sheet: el.dataset.sheet ?? '',
        row: el.dataset.row ? Number(el.dataset.row) : null,
        column: el.dataset.column ? el.dataset.column : null,
        cell: cells[1] ?? '',
        value: cells[2] ?? '',
        message: cells[3] ?? '',
      };
    }),
  );
}

export async function summaryCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const text = async (which: string) => (await page.locator(`#summary [data-count="${which}"]`).textContent()) ?? '';
  return { errors: Number.parseInt(await text('errors'), 10), warnings: Number.parseInt(await text('warnings'), 10) };
}

/** Clicks "Tải bản sao có đánh dấu lỗi" and returns the downloaded file's bytes and name. */
export async function downloadMarkedCopy(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('#download').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
