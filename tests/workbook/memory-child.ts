import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { writeDistrictWorkbook } from '../../worker/workbook/index.ts';
import { generatedSource } from './generate-source.ts';

/**
 * Child process of memory.test.ts (run under --max-old-space-size=128): writes the generated
 * district's workbook (in the layout named by argv[5], GNBV's by default) to the file named by
 * argv[2], then prints one JSON line with its numbers.
 */

const [, , out, communes = '40', rows = '2500', layout = 'gnbv'] = process.argv;
if (!out || (layout !== 'gnbv' && layout !== 'official')) throw new Error('usage: memory-child.ts OUT.xlsx [communes] [rows] [gnbv|official]');

const source = generatedSource({ communes: Number(communes), households: Number(rows), beneficiaries: Number(rows) });
const started = performance.now();
let peakHeap = 0;
const file = createWriteStream(out);
const reader = writeDistrictWorkbook(source, layout).getReader();
let bytes = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.length;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (!file.write(value)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
console.log(
  JSON.stringify({
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    bytes,
    peakHeapMB: Math.round(peakHeap / 1e5) / 10,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1e2) / 10,
  }),
);
