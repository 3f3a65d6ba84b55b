import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load } from '../scripts/load.ts';
import { type LocalWorker, queryLocal, startLocalWorker } from '../scripts/local-worker.ts';
import { PROVINCE_BINDING, PROVINCE_TOKEN, provinceSeedByDatabase } from '../scripts/seed-province.ts';

/**
 * npx tsx bench/province-route.ts [--communes 20] [--rows 5000] [--downloads 2]: the real route.
 * A local Worker (wrangler dev, scripts/local-worker.ts) on fresh D1s with the seeded province
 * (scripts/seed-province.ts, its data in its own database); every commune submits its yearly
 * household list of ROWS rows (scripts/load.ts, through POST /api/submissions); then GET
 * /api/workbook of the province is timed DOWNLOADS times, alone. Prints per download the wall
 * time, the bytes, and workerd's RSS (the whole local runtime — the isolate, its local D1 and
 * SQLite — sampled every 50 ms: an upper bound of the request's memory, not the isolate's heap);
 * and the D1 queries district-source.ts makes for it, counted from its plan over the stored chunks
 * (4 for the region, then per part read one per PART_BYTES_PER_QUERY of chunk text, at least one);
 * the route's own few (sign-in, directory, the download's record) are not in that count.
 * Loopback only; the submissions go through the route's parse and checks.
 *
 * Measured (7 December 2026, 2 shared cores, load 2–5): 200 communes × 5,000 household rows (the
 * load script submits household lists only: 1,000,000 rows stored), submitted in 39.1 s (p50 347
 * ms, errors 0); GET /api/workbook alone 48.5 s wall, 159,899,611 bytes, 204 D1 queries by the
 * plan (4 + one per commune's household part: 10 chunks ≈ 2.3 MB fit one query), workerd RSS
 * 1,168 → 1,255 MB (the whole local runtime holding a 1,000,000-row local D1, not the isolate).
 * 20 communes × 5,000: 7.4 and 7.6 s, 15,756,785 bytes, 24 queries.
 */

const PERIOD = '2024-Y';
/** worker/db/district-source.ts's (not imported: it would bring the Worker's types into this program). */
const PART_BYTES_PER_QUERY = 8 * 1024 * 1024;
const REGION_QUERIES = 4;

/** Pids of the processes in a process group whose command is workerd. */
function workerdPids(group: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group && stat.includes('(workerd)')) pids.push(Number(name));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** Sum of the processes' resident set, MB. */
function rssMB(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

async function download(worker: LocalWorker): Promise<{ ms: number; bytes: number; rssBeforeMB: number; rssPeakMB: number }> {
  const pids = workerdPids(worker.pid() ?? -1);
  const rssBeforeMB = rssMB(pids);
  let rssPeakMB = rssBeforeMB;
  const timer = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, rssMB(pids))), 50);
  const started = performance.now();
  try {
    const res = await fetch(`${worker.url}/api/workbook?period=${PERIOD}`, { headers: { Authorization: `Bearer ${PROVINCE_TOKEN}` }, signal: AbortSignal.timeout(600_000) });
    if (res.status !== 200 || res.body === null) throw new Error(`GET /api/workbook: ${res.status} ${(await res.text()).slice(0, 200)}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += chunk.byteLength;
    return { ms: performance.now() - started, bytes, rssBeforeMB, rssPeakMB: Math.max(rssPeakMB, rssMB(pids)) };
  } finally {
    clearInterval(timer);
  }
}

/** district-source.ts's query plan over the stored parts of the province's latest submissions. */
async function plannedQueries(worker: LocalWorker): Promise<{ queries: number; rows: number }> {
  const chunks = await queryLocal<{ submission_id: string; part: string; bytes: number; rows: number }>(
    worker.persistDir,
    `SELECT submission_id, part, length(CAST(body AS BLOB)) AS bytes, json_array_length(body) AS rows FROM submission_parts
     WHERE part <> 'sheets' ORDER BY submission_id, part, seq`,
    PROVINCE_BINDING,
  );
  let queries = REGION_QUERIES;
  let rows = 0;
  let part = '';
  let held = 0;
  for (const c of chunks) {
    const here = `${c.submission_id}|${c.part}`;
    if (here !== part || held + c.bytes > PART_BYTES_PER_QUERY) {
      queries += 1;
      held = 0;
      part = here;
    }
    held += c.bytes;
    rows += c.rows;
  }
  return { queries, rows };
}

const { values } = parseArgs({ options: { communes: { type: 'string' }, rows: { type: 'string' }, downloads: { type: 'string' } } });
const communes = Number(values.communes ?? 20);
const rows = Number(values.rows ?? 5000);
const downloads = Number(values.downloads ?? 2);
const worker = await startLocalWorker({ seed: () => provinceSeedByDatabase(communes, new Date().toISOString()), timeoutMs: 180_000 });
try {
  const submitted = await load({ communes, rows, concurrency: 2, downloads: 0, url: worker.url });
  if (submitted.errors > 0) throw new Error(`${submitted.errors} submissions failed`);
  const plan = await plannedQueries(worker);
  console.log(`\nGET /api/workbook, ${communes} communes × ${rows.toLocaleString('en')} household rows (${plan.rows.toLocaleString('en')} rows stored), alone, ${downloads} times:`);
  for (let d = 0; d < downloads; d += 1) {
    const r = await download(worker);
    console.log(
      `  wall ${(r.ms / 1000).toFixed(1)} s  bytes ${r.bytes.toLocaleString('en')}  workerd RSS ${r.rssBeforeMB.toFixed(0)} → peak ${r.rssPeakMB.toFixed(0)} MB  load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
  }
  console.log(`  D1 queries by district-source.ts's plan: ${plan.queries} (region ${REGION_QUERIES}, then one per part read of each commune)`);
} finally {
  await worker.stop();
}
