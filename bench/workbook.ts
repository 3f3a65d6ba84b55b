import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { WorkbookLayout } from '../shared/api.ts';
import { type Cost, megabytes, startSampler } from './sampler.ts';
import { tappedSource } from './tapped-source.ts';
import { writeStreamToFile } from './write-file.ts';
import { generatedSource } from '../tests/workbook/generate-source.ts';
import { writeDistrictWorkbook } from '../worker/workbook/index.ts';
import { BENEFICIARY_SHEET, HOUSEHOLD_SHEET, type KindSheet, PROGRESS_SHEET, type RowContext } from '../worker/workbook/kind-sheets.ts';
import { SHEET_NAMES } from '../worker/workbook/labels.ts';
import type { Cell } from '../shared/xlsx/write/sheet-xml.ts';
import { ZipStream } from '../shared/xlsx/write/zip-stream.ts';
import type { WorkbookCommune, WorkbookSource } from '../worker/workbook/source.ts';

/**
 * npx tsx bench/workbook.ts — the district workbook of 40 communes × (2,500 households + 2,500
 * beneficiaries) = 200,000 rows, written by our streaming writer (in GNBV's layout, and in the
 * official forms' layout, which reads the households twice), by exceljs's streaming
 * WorkbookWriter and by SheetJS (aoa_to_sheet + write), each in its own child process so the
 * memory peaks do not mix, each with the Worker's isolate limit (--max-old-space-size=128, the same
 * flag for every writer; SheetJS, which cannot hold 200,000 rows in it, on 4096 and said so in its
 * row). Prints wall time, CPU time, peak RSS (the OS high-water mark), the sampled peak V8 heap and
 * the live heap. Timing only: it never fails on numbers.
 *
 * Measured (7 December 2026, 2 shared cores, load 1.6–5.7, 3 fresh runs): ours 9.5–12.1 s wall,
 * 9.3–10.3 s CPU, 57.3–57.4 MB peak heap, 33.6–33.8 MB live; exceljs 19.3–33.8 s, 20.2–21.9 s CPU,
 * 67.0–72.1 MB peak, 36.1–40.0 MB live: 2.01–2.80× faster, peak heap 0.80–0.86 of exceljs's.
 */

const COMMUNES = 40;
const ROWS = 2_500;
const WRITERS = ['gnbv', 'gnbv-official', 'exceljs', 'sheetjs', 'floor', 'source'] as const;
type Writer = (typeof WRITERS)[number];

/** The Worker's isolate limit (MB): every child runs with it as --max-old-space-size, the same flag for all. */
const ISOLATE_MB = 128;
/**
 * SheetJS holds every row, and its whole sheet model, before it writes: 200,000 rows do not fit in
 * the isolate's 128 MB, so it alone runs on a larger limit (said in its row).
 */
const HEAP_LIMIT_MB: Record<Writer, number> = { gnbv: ISOLATE_MB, 'gnbv-official': ISOLATE_MB, exceljs: ISOLATE_MB, sheetjs: 4096, floor: ISOLATE_MB, source: ISOLATE_MB };

const LABELS: Record<Writer, string> = {
  gnbv: 'GNBV writer (CompressionStream, streaming)',
  'gnbv-official': 'GNBV writer, layout=official',
  exceljs: 'exceljs stream.xlsx.WorkbookWriter',
  sheetjs: 'SheetJS aoa_to_sheet + write',
  floor: 'zip floor: the GNBV XML re-zipped alone',
  source: 'the source alone: pages generated, stored, parsed',
};

/** The writer's label, with its heap limit when it is not the isolate's. */
const label = (writer: Writer): string => (HEAP_LIMIT_MB[writer] === ISOLATE_MB ? LABELS[writer] : `${LABELS[writer]} (on ${HEAP_LIMIT_MB[writer]} MB: not in ${ISOLATE_MB})`);

interface Result extends Cost {
  writer: Writer;
  rows: number;
  fileMB: number;
}

function source(): WorkbookSource {
  return generatedSource({ communes: COMMUNES, households: ROWS, beneficiaries: ROWS });
}

/** The per-kind sheets' rows as plain values (x marks, dates as Date) for the other writers. */
type Plain = string | number | Date | null;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function plain<T>(spec: KindSheet<T>, record: T, context: RowContext): Plain[] {
  return spec.values(record, context).map((v: Cell, i): Plain => {
    if (v === true) return 'x';
    if (v === false || v === undefined) return null;
    if (typeof v === 'string' && spec.columns[i]?.kind === 'date' && ISO_DATE.test(v)) return new Date(`${v}T00:00:00Z`);
    return v;
  });
}

/** One per-kind sheet for the other writers: its name, headers, and its rows as plain values. */
interface KindPlan {
  name: string;
  headers: string[];
  rows(s: WorkbookSource, commune: WorkbookCommune): AsyncGenerator<Plain[]>;
}

function kindPlan<T>(name: string, spec: KindSheet<T>, pages: (s: WorkbookSource, communeId: string) => AsyncIterable<T[]>): KindPlan {
  return {
    name,
    headers: spec.columns.map((c) => (c.group ? `${c.group}: ${c.header}` : c.header)),
    async *rows(s, commune) {
      const names = new Map(commune.plan.subProjects.map((p) => [p.code, p.name]));
      const context: RowContext = { communeName: commune.name, projectName: (code) => (code === null ? null : (names.get(code) ?? null)) };
      for await (const page of pages(s, commune.id)) for (const r of page) yield plain(spec, r, context);
    },
  };
}

const KIND_PLANS: readonly KindPlan[] = [
  kindPlan(SHEET_NAMES.households, HOUSEHOLD_SHEET, (s, id) => s.households(id)),
  kindPlan(SHEET_NAMES.beneficiaries, BENEFICIARY_SHEET, (s, id) => s.beneficiaries(id)),
  kindPlan(SHEET_NAMES.progress, PROGRESS_SHEET, (s, id) => s.progress(id)),
];

/** Every per-kind row of the source, sheet by sheet, commune by commune; a sheet starts with `row: null`. */
async function* kindRows(s: WorkbookSource): AsyncGenerator<{ sheet: number; headers: string[]; row: Plain[] | null }> {
  for (let k = 0; k < KIND_PLANS.length; k++) {
    const plan = KIND_PLANS[k] as KindPlan;
    yield { sheet: k, headers: plan.headers, row: null };
    for (const commune of s.communes) for await (const row of plan.rows(s, commune)) yield { sheet: k, headers: [], row };
  }
}

async function writeGnbv(out: string, layout: WorkbookLayout = 'gnbv'): Promise<number> {
  let rows = 0;
  // The per-kind rows, as the writer reads them (the previous lists are not rows of the workbook).
  const s = tappedSource(source(), ['households', 'beneficiaries', 'progress'], () => (page) => {
    rows += page.length;
  });
  await writeStreamToFile(writeDistrictWorkbook(s, layout), out);
  return rows;
}

async function writeExceljs(out: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
  let sheet: ExcelJS.Worksheet | null = null;
  let rows = 0;
  for await (const item of kindRows(source())) {
    if (item.row === null) {
      if (sheet) sheet.commit();
      sheet = wb.addWorksheet(KIND_PLANS[item.sheet]?.name);
      sheet.addRow(item.headers).commit();
      continue;
    }
    sheet?.addRow(item.row).commit();
    rows++;
  }
  sheet?.commit();
  await wb.commit();
  return rows;
}

async function writeSheetjs(out: string): Promise<number> {
  const sheets: Plain[][][] = KIND_PLANS.map(() => []);
  let rows = 0;
  for await (const item of kindRows(source())) {
    const aoa = sheets[item.sheet] as Plain[][];
    if (item.row === null) aoa.push(item.headers);
    else {
      aoa.push(item.row);
      rows++;
    }
  }
  const wb = XLSX.utils.book_new();
  KIND_PLANS.forEach((plan, i) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sheets[i] as Plain[][], { cellDates: true }), plan.name));
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return rows;
}

/** The zip floor, untimed part: the GNBV workbook written, then its entries unzipped into memory. */
async function floorInput(out: string): Promise<{ rows: number; entries: [string, Uint8Array][] }> {
  const rows = await writeGnbv(out);
  const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(out))));
  return { rows, entries };
}

/** The zip floor, timed part: the same XML bytes through the same compressor and zip framing, nothing else. */
async function rezip(out: string, entries: readonly [string, Uint8Array][]): Promise<void> {
  const zip = new ZipStream(new Date());
  const file = createWriteStream(out);
  const drain = async (): Promise<void> => {
    for (const chunk of await zip.take()) if (!file.write(chunk)) await once(file, 'drain');
  };
  for (const [name, data] of entries) {
    const entry = zip.entry(name);
    // In pieces of about a page of rows (the writer's take() cadence).
    for (let at = 0; at < data.length; at += 1 << 20) {
      entry.bytes(data.subarray(at, at + (1 << 20)));
      await drain();
    }
    entry.close();
  }
  zip.end();
  await drain();
  file.end();
  await once(file, 'finish');
}

/** The source's per-kind pages read through (each one parsed), nothing written: what reading costs every writer. */
async function readSource(out: string): Promise<number> {
  const s = source();
  let rows = 0;
  for (const pages of [s.households, s.beneficiaries, s.progress]) for (const c of s.communes) for await (const page of pages(c.id)) rows += page.length;
  writeFileSync(out, '');
  return rows;
}

/** Child: write with one writer, sampling the heap, and print one JSON line. */
async function child(writer: Writer, out: string): Promise<void> {
  const floor = writer === 'floor' ? await floorInput(out) : null;
  // Every writer starts from the same collected heap: the modules' load garbage is not in anyone's peak.
  global.gc?.();
  const sampler = startSampler();
  const rows = floor
    ? (await rezip(out, floor.entries), floor.rows)
    : writer === 'gnbv'
      ? await writeGnbv(out)
      : writer === 'gnbv-official'
        ? await writeGnbv(out, 'official')
        : writer === 'exceljs'
          ? await writeExceljs(out)
          : writer === 'sheetjs'
            ? await writeSheetjs(out)
            : await readSource(out);
  const result: Result = { writer, rows, ...sampler.stop(), fileMB: megabytes(statSync(out).size) };
  console.log(JSON.stringify(result));
}

async function parent(chosen: readonly Writer[]): Promise<void> {
  const run = promisify(execFile);
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-bench-workbook-'));
  console.log(`District workbook: ${COMMUNES} communes × (${ROWS} households + ${ROWS} beneficiaries) = ${(COMMUNES * ROWS * 2).toLocaleString('en')} rows, plus 9 progress rows per commune`);
  console.log(
    `Each writer runs in its own child process (node --max-old-space-size=${ISOLATE_MB} --expose-gc --import tsx: the Worker's ${ISOLATE_MB} MB isolate;` +
      ` a writer on another limit says so in its row).\n`,
  );
  const results: Result[] = [];
  try {
    for (const writer of chosen) {
      const out = join(dir, `${writer}.xlsx`);
      try {
        const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB[writer]}`, '--expose-gc', '--import', 'tsx', self, '--child', writer, out], {
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        });
        results.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Result);
      } catch (error) {
        console.log(`${label(writer)}: failed — ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['writer', 'rows read', 'wall s', 'CPU s', 'peak RSS MB', 'peak heap MB', 'live heap MB', 'file MB'];
  const table = results.map((r) => [
    label(r.writer),
    r.rows.toLocaleString('en'),
    (r.ms / 1000).toFixed(1),
    (r.cpuMs / 1000).toFixed(1),
    r.maxRssMB.toFixed(1),
    r.peakHeapMB.toFixed(1),
    r.liveHeapMB === null ? '–' : r.liveHeapMB.toFixed(1),
    r.fileMB.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  console.log(
    '\nGNBV writes the whole workbook: the 3 per-kind sheets plus the 5 analysis sheets, Kiểm tra and Nguồn,' +
      '\nwith styles, widths and print setup. exceljs and SheetJS write only the 3 per-kind sheets (same rows, same values),' +
      `\nwithout the analysis sheets. layout=official writes the review forms (the ${(COMMUNES * ROWS).toLocaleString('en')} households on two lists, read` +
      '\ntwice, no beneficiary sheet), Kiểm tra and Nguồn: its rows read are the households twice.' +
      '\nThe zip floor writes the GNBV workbook and unzips it (untimed), then times only re-zipping the same XML bytes' +
      '\nwith the same compressor and framing: the cost no XML writer can go below. Its RSS includes the unzipped XML.' +
      '\nThe source is the one every writer reads: each commune\'s rows generated a page of 500 at a time, stored as' +
      '\nJSON text (as the route stores them) and JSON.parsed a query of chunks at a time (as worker/db/district-source.ts' +
      '\nreads them), so every writer gets JSON.parse\'s records. "The source alone" reads its per-kind pages through and' +
      '\nwrites nothing: the part of every row above that is not the writer\'s.' +
      '\nPeak RSS is the process high-water mark (resourceUsage().maxRSS). Peak heap is heapUsed, garbage not yet collected' +
      '\nincluded, sampled every 25 ms and just before each collection; live heap is the largest heap left after a full' +
      '\ncollection in the run (what was held; – when none ran). The source\'s JSON texts of a few hundred KB each go to' +
      '\nV8\'s large-object space and stay there, dead, until a full collection: how high peak heap gets is mostly when V8' +
      `\nruns one, the same garbage for every writer, and the heap limit bounds it: under the isolate's ${ISOLATE_MB} MB V8 collects` +
      '\nsooner than on a larger limit, as it would in the Worker.',
  );
  const ours = results.find((r) => r.writer === 'gnbv');
  const peer = results.find((r) => r.writer === 'exceljs');
  const floor = results.find((r) => r.writer === 'floor');
  if (ours && peer) {
    const speed = peer.ms / ours.ms;
    const heap = ours.peakHeapMB / peer.peakHeapMB;
    console.log(
      `\nexceljs wall / ours: ${speed.toFixed(2)}× (aim ≥ 2×); our peak heap / exceljs's: ${heap.toFixed(2)} (aim ≤ 1);` +
        ` aim ${speed >= 2 && heap <= 1 ? 'holds' : 'does not hold'} in this run.`,
    );
    if (ours.liveHeapMB !== null && peer.liveHeapMB !== null) console.log(`Our live heap / exceljs's: ${(ours.liveHeapMB / peer.liveHeapMB).toFixed(2)}.`);
    if (floor) console.log(`Our wall / the zip floor's: ${(ours.ms / floor.ms).toFixed(2)}× (${((floor.ms / ours.ms) * 100).toFixed(0)} % of our time is zipping).`);
  }
}

const [flag, writer, out] = process.argv.slice(2);
if (flag === '--child' && writer && out && (WRITERS as readonly string[]).includes(writer)) await child(writer as Writer, out);
else {
  // npx tsx bench/workbook.ts [writer…]: only those children (all by default).
  const asked = process.argv.slice(2).filter((a): a is Writer => (WRITERS as readonly string[]).includes(a));
  await parent(asked.length > 0 ? asked : WRITERS);
}
