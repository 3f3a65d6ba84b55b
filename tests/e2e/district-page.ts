/** Driving and reading the district page (/district/) in the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './harness.ts';

/** Opens /district/ (at `?period=` when given), signs in with the token field and Enter, and waits for the data. */
export async function signIn(page: Page, url: string, token: string, period?: string): Promise<void> {
  await page.goto(`${url}/district/${period === undefined ? '' : `?period=${period}`}`);
  await page.locator('#token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#workspace').waitFor({ state: 'visible' });
  await waitLoaded(page);
}

/** The grid and the charts have their data (no region is aria-busy). */
export async function waitLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"]').length === 0 && !['Đang tải…', 'Loading…'].includes(document.querySelector('#status-message')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
}

export async function choosePeriod(page: Page, period: string): Promise<void> {
  await page.locator('#period').selectOption(period);
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('period') === p, period);
  await waitLoaded(page);
}

export interface ShownCell {
  kind: string;
  state: string;
  version: number | null;
  receivedAt: string | null;
  lateBy: number | null;
  text: string;
}

export interface ShownRow {
  commune: string;
  name: string;
  meta: string;
  cells: ShownCell[];
}

/** The status grid as shown: one object per commune row, the cells' data attributes and their text. */
export async function shownGrid(page: Page): Promise<ShownRow[]> {
  return page.$$eval('#status-grid tbody tr', (rows) =>
    rows.map((tr) => {
      const el = tr as HTMLTableRowElement;
      const head = el.querySelector('th');
      return {
        commune: el.dataset.commune ?? '',
        name: head?.querySelector('.name')?.textContent ?? '',
        meta: head?.querySelector('.meta')?.textContent ?? '',
        cells: [...el.querySelectorAll('td')].map((td) => ({
          kind: td.dataset.kind ?? '',
          state: td.dataset.state ?? '',
          version: td.dataset.version ? Number(td.dataset.version) : null,
          receivedAt: td.dataset.receivedAt ? td.dataset.receivedAt : null,
          lateBy: td.dataset.lateBy ? Number(td.dataset.lateBy) : null,
          text: (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        })),
      };
    }),
  );
}

type Attributes = Record<string, string>;

/** The data-* attributes of the elements matching the selector, in document order. */
export async function dataOf(page: Page, selector: string): Promise<Attributes[]> {
  return page.$$eval(selector, (els) => els.map((e) => ({ ...(e as HTMLElement | SVGElement).dataset }) as Record<string, string>));
}

/** "" → null, else the number. */
export function numberOrNull(v: string | undefined): number | null {
  return v === undefined || v === '' ? null : Number(v);
}

/**
 * Pixels that are not the card's white background in a screenshot of the element: decoded in a
 * blank page of the same browser (createImageBitmap and a canvas), so no image library is needed.
 */
export async function inkOf(page: Page, selector: string, chrome: BrowserSession): Promise<{ ink: number; total: number }> {
  const png = await page.locator(selector).screenshot();
  const { page: blank } = await chrome.newPage();
  try {
    return await blank.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (255 - (data[i] ?? 255) > 24 || 255 - (data[i + 1] ?? 255) > 24 || 255 - (data[i + 2] ?? 255) > 24) ink++;
      }
      return { ink, total: bitmap.width * bitmap.height };
    }, png.toString('base64'));
  } finally {
    await blank.context().close();
  }
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe-core (WCAG 2.1 A/AA and best practice) on the page as it is; the page must be opened with bypassCSP. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Result[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
