import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Grid } from '../../shared/grid/grid.ts';
import { ROOT } from './harness.ts';

/**
 * Opens the BUILT task pane (dist/public/addin, served by the local Worker) in Chromium with the
 * strict stand-in for Excel in place of office.js: taskpane-office.ts is bundled for the browser and
 * injected before any page script runs; the page's office.js tag gets an empty script, so nothing
 * is fetched from Microsoft's CDN (the stand-in is already `Office` and `Excel`).
 */

let bundle: Promise<string> | null = null;

/** taskpane-office.ts (and the fake it imports) as one browser script defining `GnbvFakeOffice`. */
export function fakeOfficeScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(ROOT, 'tests/e2e/taskpane-office.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'GnbvFakeOffice',
    platform: 'browser',
    target: ['es2020'],
    logLevel: 'warning',
  }).then((r) => {
    const out = r.outputFiles[0];
    if (!out) throw new Error('esbuild wrote nothing for taskpane-office.ts');
    return out.text;
  });
  return bundle;
}

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';

/** Injects the stand-in holding `grids`, answers office.js with nothing, and opens the pane. */
export async function openTaskPane(page: Page, url: string, grids: readonly Grid[], options: { excelApi?: string } = {}): Promise<void> {
  const script = await fakeOfficeScript();
  const install = `${script}\nGnbvFakeOffice.install(${JSON.stringify(grids)}, ${JSON.stringify({ excelApi: options.excelApi ?? '1.18' })});`;
  await page.addInitScript({ content: install });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js is not loaded in tests: the stand-in is already Office and Excel */' }),
  );
  await page.goto(`${url}/addin/taskpane.html`);
  await page.locator('#check').waitFor({ state: 'visible' });
}

/** Waits until no button action is running (Kiểm tra is enabled again). */
export async function idle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector('#check') as HTMLButtonElement | null)?.disabled, undefined, { timeout });
}

export interface ListedIssue {
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
}

/** The issue list as the pane shows it (from each item's data attributes). */
export function listedIssues(page: Page): Promise<ListedIssue[]> {
  return page.$$eval('#app li.issue[data-sheet]', (items) =>
    items.map((li) => {
      const el = li as HTMLElement;
      return {
        code: el.dataset.code ?? '',
        sheet: el.dataset.sheet ?? '',
        row: el.dataset.row ? Number(el.dataset.row) : null,
        column: el.dataset.column ?? null,
      };
    }),
  );
}
