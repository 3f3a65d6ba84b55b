import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Cost, megabytes, startSampler } from './sampler.ts';
import { tappedSource } from './tapped-source.ts';
import { writeStreamToFile } from './write-file.ts';
import { generatedSource } from '../tests/workbook/generate-source.ts';
import { writeDistrictWorkbook } from '../worker/workbook/index.ts';
import type { WorkbookSource } from '../worker/workbook/source.ts';

/**
 * npx tsx bench/province.ts — a province in one request: the merged workbook (GNBV's layout) of
 * 200 communes × 5,000 rows (2,500 households + 2,500 beneficiaries each, 1,000,000 rows), built
 * by the route's writer (writeDistrictWorkbook) from a source read in pages of 500 rows, the size
 * of the D1 chunks worker/db/district-source.ts reads (4 chunks per query), in a child process
 * under --max-old-space-size=128 (the Worker's memory). Prints wall, CPU, peak heap, peak RSS, the
 * pages read, and the D1 queries district-source.ts would make for it (counted from its query
 * plan: 3 for the region, 4 per commune, one per 4 pages).
 *
 * What it does not measure: D1 itself (the rows are generated, stored as JSON text and parsed a
 * chunk at a time as district-source.ts does — the parse is in it since 7 December 2026 — not read
 * from a local D1), and workerd's own accounting: bench/province-route.ts times the real route.
 *
 * Conclusion from the figures (this machine, 2 shared cores, 7 December 2026, one run):
 * 1,126,800 rows read (the previous year's lists of a quarter of the communes included), 2,450
 * pages, 36.8 s wall, 29.7 s CPU (process-wide, the compressor's threads included), peak heap
 * 72.8 MB under --max-old-space-size=128, peak RSS 184.5 MB, a 122.5 MB file; 2,053 D1 queries
 * by district-source.ts's plan. Memory: one request holds a province (the heap does not grow
 * with the rows: the same order as for 200,000 rows, mostly garbage not yet collected). CPU: at
 * the default 30 s limit of Workers Paid before D1's JSON.parse of each chunk is added, so only
 * with limits.cpu_ms raised (up to 5 min). D1: 2,053 queries exceed the 1,000 queries per Worker
 * invocation (Workers Paid). So, as configured today, a province does NOT fit one request: build
 * it in the background (a Queue or Workflow writing to R2), or read more chunks per query (16
 * instead of 4 gives ~950) and raise cpu_ms — both in worker/db/ and wrangler.toml, not here.
 *
 * After the byte-by-byte rows and the typed-array ID table (7 December 2026, one run): 29.9 s
 * wall, 26.5 s CPU, peak heap 28.6 MB (was 72.8), peak RSS 154.8 MB; still 2,053 queries planned
 * (the reads are not batched yet). limits.cpu_ms recommended: 120000 — 3× the 26.5 s measured is
 * about 80 s, and the JSON.parse of each D1 chunk (not in this bench) comes on top; measure the
 * real route before lowering it.
 *
 * After the region-wide versions query and the 8 MB reads (7 December 2026, one run, with other
 * work on the 2 cores): 654 D1 queries planned (was 2,053): 4 for the region, then one per part
 * read — each commune's households, beneficiaries and progress fit one query each (2,500 rows are
 * 5 pages, well under 8 MB), plus the previous year's list of 50 communes. Under 1,000, but not
 * under the 500 aimed at: that needs one query across a commune's parts (or several communes'),
 * not done. 49.3 s wall, 29.6 s CPU (at the 30 s default: raise limits.cpu_ms, as above), peak
 * heap 29.3 MB, peak RSS 153.0 MB. The district summary reads the same source: the same plan.
 *
 * Decision: one request holds a province — 654 of 1,000 queries, a flat ~30 MB heap of 128 MB, and
 * wrangler.toml's `[limits] cpu_ms = 120000` (the line printed below checks the CPU against it with
 * 2× room) — so no background build (Queue/Workflow + R2) is needed at 200 communes × 5,000 rows.
 * Not measured here: workerd's own accounting and D1's JSON parse (the real route, next step).
 */

const COMMUNES = 200;
const ROWS = 2_500;
const PAGE = 500;
/**
 * worker/db/district-source.ts's plan: 4 queries for the region (communes, plans, reviews, every
 * commune's versions), then per part read one query per PART_BYTES_PER_QUERY of chunk bodies (at
 * least one chunk), none after the last. A page's bytes are those of its iterator's first page
 * serialised (so the JSON.stringify of every page does not weigh on the CPU measured).
 */
const REGION_QUERIES = 4;
/** worker/db/district-source.ts's PART_BYTES_PER_QUERY (not imported: it would bring the Worker's types into this program). */
const PART_BYTES_PER_QUERY = 8 * 1024 * 1024;

interface Result extends Cost {
  rows: number;
  pages: number;
  d1Queries: number;
  fileMB: number;
}

/** The source, counting rows, pages, and the chunk queries a D1-backed source would make per iterator. */
function counted(s: WorkbookSource, tally: { rows: number; pages: number; queries: number }): WorkbookSource {
  return tappedSource(s, ['households', 'previousHouseholds', 'beneficiaries', 'progress'], () => {
    let pageBytes = -1;
    let held = 0;
    return (page) => {
      if (pageBytes < 0) pageBytes = new TextEncoder().encode(JSON.stringify(page)).byteLength;
      if (held === 0 || held + pageBytes > PART_BYTES_PER_QUERY) {
        tally.queries++;
        held = 0;
      }
      held += pageBytes;
      tally.pages++;
      tally.rows += page.length;
    };
  });
}

async function child(out: string): Promise<void> {
  const tally = { rows: 0, pages: 0, queries: REGION_QUERIES };
  const source = counted(generatedSource({ communes: COMMUNES, households: ROWS, beneficiaries: ROWS, pageSize: PAGE }), tally);
  const sampler = startSampler();
  await writeStreamToFile(writeDistrictWorkbook(source), out);
  const result: Result = { rows: tally.rows, pages: tally.pages, d1Queries: tally.queries, ...sampler.stop(), fileMB: megabytes(statSync(out).size) };
  console.log(JSON.stringify(result));
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-bench-province-'));
  console.log(
    `Province in one request: ${COMMUNES} communes × (${ROWS} households + ${ROWS} beneficiaries), pages of ${PAGE} rows, ` +
      'GNBV layout, child under --max-old-space-size=128 (generated rows, not a local D1).',
  );
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=128', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', join(dir, 'province.xlsx')],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const r = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Result;
    console.log(
      `rows ${r.rows.toLocaleString('en')}  pages ${r.pages.toLocaleString('en')}  D1 queries (district-source.ts's plan; the district summary reads the same source, so the same plan) ${r.d1Queries.toLocaleString('en')}` +
        `\nwall ${(r.ms / 1000).toFixed(1)} s  CPU ${(r.cpuMs / 1000).toFixed(1)} s  peak heap ${r.peakHeapMB.toFixed(1)} MB  peak RSS ${r.maxRssMB.toFixed(1)} MB  file ${r.fileMB.toFixed(1)} MB`,
    );
    const heapOk = r.peakHeapMB < 100;
    const cpuLimitMs = configuredCpuMs();
    const cpuOk = r.cpuMs * 2 < cpuLimitMs;
    const queriesOk = r.d1Queries <= 1_000;
    console.log(
      `heap ${heapOk ? 'fits' : 'does not fit'} 128 MB with room; CPU ${cpuOk ? 'fits' : 'does not fit'} wrangler.toml's limits.cpu_ms (${cpuLimitMs.toLocaleString('en')} ms) with 2× room (paid plan: up to 300,000 ms);` +
        ` D1 queries ${queriesOk ? 'fit' : 'exceed'} 1,000 per invocation (paid plan).` +
        `\nOne request ${heapOk && cpuOk && queriesOk ? 'holds' : 'does not hold'} a province as configured.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** wrangler.toml's `[limits] cpu_ms`, or Workers' default of 30 s without it. */
function configuredCpuMs(): number {
  const toml = readFileSync(fileURLToPath(new URL('../wrangler.toml', import.meta.url)), 'utf8');
  const limits = /^\[limits\][^[]*?^cpu_ms\s*=\s*(\d+)/m.exec(toml);
  return limits ? Number(limits[1]) : 30_000;
}

const [flag, out] = process.argv.slice(2);
if (flag === '--child' && out) await child(out);
else await parent();
