import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateHouseholds } from '../bench/generate.ts';
import { type LocalWorker, ROOT, queryLocal, run, startLocalWorker } from './local-worker.ts';
import { PROVINCE_BINDING, PROVINCE_TOKEN, provinceCommunes, provinceSeedByDatabase } from './seed-province.ts';

/**
 * `npm run load -- --communes 200 [--rows 1000] [--concurrency 16] [--downloads 10]`: its own
 * local Worker (scripts/local-worker.ts) on fresh D1s seeded with N communes, the province's data in
 * its own database (DB_R2, as `npm run seed:province`); every commune
 * submits its yearly household list (bench/generate.ts, ROWS households, clean) at once, at most
 * CONCURRENCY requests in flight, while the province downloads the merged workbook DOWNLOADS
 * times; then throughput, p50/p99 per route, errors, the D1 rows written (counted in the province's database), and
 * whether every submission is stored. Loopback only: any other --url is refused.
 */

const PERIOD = '2024-Y';

export interface LoadOptions {
  communes: number;
  rows: number;
  concurrency: number;
  downloads: number;
  /** An already running local Worker (loopback only); else one is started and stopped. */
  url?: string;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`load: refused, ${url} is not loopback (127.0.0.1 / localhost only)`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function load(options: LoadOptions): Promise<{ errors: number; stored: number }> {
  if (options.url !== undefined) assertLoopback(options.url);
  if (!existsSync(join(ROOT, 'dist', 'public'))) await run('npm', ['run', '--silent', 'build']);
  let worker: LocalWorker | null = null;
  if (options.url === undefined) {
    worker = await startLocalWorker({ seed: () => provinceSeedByDatabase(options.communes, new Date().toISOString()), timeoutMs: 180_000 });
  }
  const url = options.url ?? (worker as LocalWorker).url;
  assertLoopback(url);
  try {
    const communes = provinceCommunes(options.communes);
    const bodies = communes.map((_, i) => {
      const { grid } = generateHouseholds(options.rows, { seed: i + 1, plantEvery: 0 });
      return new Uint8Array(gzipSync(JSON.stringify({ period: PERIOD, sheets: [{ grid }] })));
    });
    const bytes = bodies.reduce((s, b) => s + b.byteLength, 0);
    const times: Record<string, number[]> = { 'POST /api/submissions': [], 'GET /api/workbook': [] };
    const errors: string[] = [];
    let submitted = 0;
    type Task = () => Promise<void>;
    const timed = async (route: string, go: () => Promise<Response>, ok: number): Promise<Response | null> => {
      const t = performance.now();
      try {
        const res = await go();
        const body = await res.arrayBuffer();
        (times[route] as number[]).push(performance.now() - t);
        if (res.status !== ok) {
          errors.push(`${route} ${res.status} ${new TextDecoder().decode(body.slice(0, 200))}`);
          return null;
        }
        return res;
      } catch (e) {
        errors.push(`${route} ${String(e)}`);
        return null;
      }
    };
    // A 503 from wrangler dev's proxy ("Your worker restarted mid-request": a lost keep-alive hop to
    // workerd, local dev only) or no answer is sent again with the same Idempotency-Key, as the
    // task pane and the upload page do; retries are counted and printed, and only a request that
    // still fails after 3 tries is an error.
    let retries = 0;
    const tasks: Task[] = communes.map((c, i) => async () => {
      const key = randomUUID();
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const before = errors.length;
        const res = await timed(
          'POST /api/submissions',
          () =>
            fetch(`${url}/api/submissions`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Idempotency-Key': key },
              body: bodies[i] as Uint8Array<ArrayBuffer>,
              signal: AbortSignal.timeout(300_000),
            }),
          201,
        );
        if (res !== null) {
          submitted += 1;
          return;
        }
        const last = errors[errors.length - 1] ?? '';
        if (attempt === 3 || errors.length === before || !/ 503 |TypeError|fetch failed/.test(last)) return;
        errors.pop();
        retries += 1;
      }
    });
    // The downloads spread through the storm.
    const every = Math.max(1, Math.floor(tasks.length / Math.max(1, options.downloads)));
    for (let d = options.downloads - 1; d >= 0; d -= 1) {
      tasks.splice(Math.min(tasks.length, d * every), 0, async () => {
        await timed(
          'GET /api/workbook',
          () => fetch(`${url}/api/workbook?period=${PERIOD}`, { headers: { Authorization: `Bearer ${PROVINCE_TOKEN}` }, signal: AbortSignal.timeout(300_000) }),
          200,
        );
      });
    }
    const started = performance.now();
    const lane = async (): Promise<void> => {
      for (let t = tasks.shift(); t !== undefined; t = tasks.shift()) await t();
    };
    await Promise.all(Array.from({ length: options.concurrency }, lane));
    const wallS = (performance.now() - started) / 1000;

    console.log(
      `GNBV load — ${options.communes} communes × ${options.rows} household rows (${(bytes / 1e6).toFixed(1)} MB gzip in all), concurrency ${options.concurrency}, ${options.downloads} merged-workbook downloads, ${url}`,
    );
    console.log(`  wall ${wallS.toFixed(1)} s; submissions ${submitted}/${options.communes}: ${(submitted / wallS).toFixed(2)} /s, ${((submitted * options.rows) / wallS).toFixed(0)} rows/s`);
    for (const [route, ms] of Object.entries(times)) {
      const s = [...ms].sort((a, b) => a - b);
      console.log(`  ${route.padEnd(22)} n=${s.length}  p50 ${percentile(s, 50).toFixed(0)} ms  p99 ${percentile(s, 99).toFixed(0)} ms  max ${(s.at(-1) ?? 0).toFixed(0)} ms`);
    }
    console.log(`  retried with the same key: ${retries}; errors: ${errors.length}${errors.length > 0 ? `\n    ${errors.slice(0, 10).join('\n    ')}` : ''}`);

    let stored = submitted;
    if (worker !== null) {
      await worker.kill();
      const [c] = await queryLocal<{ submissions: number; parts: number; keys: number; downloads: number; rows: number }>(
        worker.persistDir,
        `SELECT (SELECT COUNT(*) FROM submissions) AS submissions, (SELECT COUNT(*) FROM submission_parts) AS parts,
           (SELECT COUNT(*) FROM idempotency_keys) AS keys, (SELECT COUNT(*) FROM workbook_downloads) AS downloads,
           (SELECT COALESCE(SUM(json_array_length(body)), 0) FROM submission_parts WHERE part = 'households') AS rows`,
        PROVINCE_BINDING,
      );
      if (c === undefined) throw new Error('no counts');
      stored = c.submissions;
      console.log(
        `  D1 rows written: ${c.submissions + c.parts + c.keys + c.downloads} (submissions ${c.submissions}, parts ${c.parts}, idempotency keys ${c.keys}, downloads ${c.downloads}); household records stored ${c.rows}`,
      );
      const whole = c.submissions === options.communes && c.rows === options.communes * options.rows;
      console.log(whole ? '  OK: every submission stored, every row in it' : `  FAIL: ${c.submissions}/${options.communes} submissions, ${c.rows}/${options.communes * options.rows} rows stored`);
      if (!whole) errors.push('not every submission stored');
    }
    return { errors: errors.length, stored };
  } finally {
    await worker?.stop();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { communes: { type: 'string' }, rows: { type: 'string' }, concurrency: { type: 'string' }, downloads: { type: 'string' }, url: { type: 'string' } },
  });
  const result = await load({
    communes: Number(values.communes ?? 200),
    rows: Number(values.rows ?? 1000),
    concurrency: Number(values.concurrency ?? 16),
    downloads: Number(values.downloads ?? 10),
    ...(values.url === undefined ? {} : { url: values.url }),
  });
  if (result.errors > 0) process.exitCode = 1;
}
