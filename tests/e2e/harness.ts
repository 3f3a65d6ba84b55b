/**
 * The browser-test harness: the real Worker on a fresh local D1, and Debian's Chromium driven by
 * playwright-core. Shared by every browser test (tests/e2e/**); run them with
 * `npx vitest run --project e2e` (or `npm run test:e2e`).
 *
 *   buildPages()            `npm run build:upload`, and `npm run build:addin` when that script
 *                           exists, so dist/public holds what the Worker serves. The e2e project's
 *                           globalSetup (tests/e2e/global-setup.ts) calls it once per run.
 *   startWorker()           the real Worker through scripts/local-worker.ts (the one way to start
 *                           one: it refuses to unless wrangler dev's proxy sends a GET again after
 *                           a lost connection, scripts/patch-wrangler.ts): a temp dir as the D1
 *                           persistence dir, migrations applied, the demo seed (scripts/demo-data.ts,
 *                           the statements `npm run seed:demo` runs), then `wrangler dev --local
 *                           --ip 127.0.0.1 --port FREE --persist-to DIR`, ready once GET
 *                           /api/health answers 200.
 *                           → { url, persistDir, logs(), stop() }; stop() ends the process group
 *                           it started and deletes the dir. Each test file starts its own.
 *                           (startLocalWorker itself also kills and restarts on the same state.)
 *   launchBrowser()         Chromium at /usr/bin/chromium (throws a clear error when missing: a test
 *                           that cannot run fails, it is never skipped), headless, no sandbox, no
 *                           network chatter; playwright gives each launch a fresh temporary
 *                           user-data dir, removed on close. → { browser, newPage(), stop() }:
 *                           newPage() opens a page in a new isolated context (own storage) at
 *                           1366×768, recording console errors and page errors in `problems`
 *                           and answers ≥ 400 in `httpErrors`
 *                           (newPage({ bypassCSP: true }) to inject axe-core or other test scripts).
 *   screenshot(page, name)  a full-viewport PNG into tests/artifacts/NAME.png (gitignored).
 *   dropFile(page, sel, f)  a real drag-and-drop of file f onto the element sel (DataTransfer).
 *   apiGet(url, token, p)   a JSON GET on the Worker with a bearer token (for checks behind the UI).
 *   DEMO_TOKENS             the seeded tokens: commune (Xuân Hoà), district (Thọ Xuân), admin.
 *   SAMPLES_DIR             ../shared/samples (the commune workbooks with their answer keys).
 *
 * Typical use:
 *   let worker: WorkerServer; let chrome: BrowserSession;
 *   beforeAll(async () => { [worker, chrome] = await Promise.all([startWorker(), launchBrowser()]); });
 *   afterAll(async () => { await chrome?.stop(); await worker?.stop(); });
 *   it('…', async () => { const { page } = await chrome.newPage(); await page.goto(`${worker.url}/upload/`); … });
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoSeedStatements } from '../../scripts/demo-data.ts';
import { ROOT, run, startLocalWorker } from '../../scripts/local-worker.ts';

export { ROOT };
export const ARTIFACTS_DIR = join(ROOT, 'tests/artifacts');
export const SAMPLES_DIR = resolve(import.meta.dirname, '../../../shared/samples');
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const DEMO_TOKENS = { commune: 'demo-xuan-hoa', district: 'demo-tho-xuan', admin: 'demo-admin' } as const;

// ---- (1) the static pages -----------------------------------------------------------------------

/** Builds the pages the Worker serves from dist/public: the upload page, and the add-in where it has a build script. */
export async function buildPages(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const scripts = ['build:upload', 'build:addin'].filter((s) => pkg.scripts?.[s] !== undefined);
  if (!scripts.includes('build:upload')) throw new Error('package.json has no build:upload script');
  for (const script of scripts) await run('npm', ['run', '--silent', script]);
}

// ---- (2) the Worker on a fresh local D1 -----------------------------------------------------

export interface WorkerServer {
  /** http://127.0.0.1:PORT */
  url: string;
  persistDir: string;
  /** wrangler dev's output so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

/** Migrates and seeds the demo into a fresh D1 in a temp dir, then serves the Worker on a free loopback port (scripts/local-worker.ts). */
export async function startWorker(options: { timeoutMs?: number } = {}): Promise<WorkerServer> {
  const worker = await startLocalWorker({
    seed: () => demoSeedStatements(new Date().toISOString()),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return { url: worker.url, persistDir: worker.persistDir, logs: worker.logs, stop: () => worker.stop() };
}

// ---- (3) Chromium ---------------------------------------------------------------------------

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and failed requests seen so far (CSP violations show here). */
  problems: string[];
  /** Every answer with status ≥ 400: "404 GET /api/plan?year=2026". */
  httpErrors: string[];
}

export interface BrowserSession {
  browser: Browser;
  /** `bypassCSP` lets a test inject a script (axe-core) the page's Content-Security-Policy would refuse. */
  newPage(options?: { viewport?: { width: number; height: number }; bypassCSP?: boolean }): Promise<TestPage>;
  stop(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package ` +
        '(`apt-get update && apt-get install -y chromium`; .ci/run installs it).',
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1366, height: 768 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        acceptDownloads: true,
        bypassCSP: options.bypassCSP ?? false,
      });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      const httpErrors: string[] = [];
      page.on('console', (m) => {
        // "Failed to load resource" repeats an HTTP error status, which httpErrors records with its URL.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) {
          const u = new URL(r.url());
          httpErrors.push(`${r.status()} ${r.request().method()} ${u.pathname}${u.search}`);
        }
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => {
        // A download's blob: URL is "aborted" by design once saved.
        if (!r.url().startsWith('blob:')) problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
      });
      return { page, context, problems, httpErrors };
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

// ---- helpers for tests ----------------------------------------------------------------------

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Drags a file from disk onto `selector`, as an officer dropping it from the file manager. */
export async function dropFile(page: Page, selector: string, file: string, mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<void> {
  const base64 = readFileSync(file).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, mimeType }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      // Typed by hand: tests/cli (no DOM lib) imports this harness for startWorker.
      const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } }).DataTransfer();
      dt.items.add(new File([bytes], name, { type: mimeType }));
      return dt;
    },
    { base64, name: basename(file), mimeType },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer });
  await dataTransfer.dispose();
}

export async function apiGet<T = unknown>(url: string, token: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as T };
}
