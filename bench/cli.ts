import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, CLI_BUNDLE } from '../scripts/build-cli.ts';
import { gridsToXlsx } from '../tests/grid-to-xlsx.ts';
import { generateHouseholds } from './generate.ts';

/**
 * npx tsx bench/cli.ts — wall time of `gnbv validate`, start-up included, as an officer runs it:
 * the built command (bin/gnbv.mjs → dist/cli/gnbv.mjs) next to the same sources compiled through
 * tsx at run time (how gnbv ran before it was bundled), on the 60-row sample and on a generated
 * 10,000-row household list. Median of a few runs each. Timing only: it never fails on numbers.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const AIM_SAMPLE_MS = 400;
const SAMPLE = join(ROOT, '../shared/samples/households-classic-errors.xlsx');

function command(way: 'bundle' | 'tsx'): string[] {
  if (way === 'bundle') return [join(ROOT, 'bin/gnbv.mjs')];
  const main = pathToFileURL(join(ROOT, 'cli/main.ts')).href;
  const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(process.argv.slice(1));`;
  return ['--import', 'tsx', '--input-type=module', '-e', script];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall milliseconds of `node … validate FILE`; throws if the command fails to give an answer. */
function wallMs(way: 'bundle' | 'tsx', file: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...command(way), 'validate', file, '--date', '2024-12-05'], { cwd: ROOT, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`gnbv (${way}) exited ${String(r.status)}: ${r.stderr}`);
  }
  return median(times);
}

if (!existsSync(CLI_BUNDLE)) await buildCli();
const tmp = mkdtempSync(join(tmpdir(), 'gnbv-bench-cli-'));
try {
  const big = join(tmp, 'households-10000.xlsx');
  writeFileSync(big, await gridsToXlsx([generateHouseholds(10_000).grid]));
  console.log(`gnbv validate, wall time with start-up (median of ${RUNS} runs):`);
  console.log('  file                          bundle      tsx');
  for (const [label, file] of [['60-row sample', SAMPLE], ['10,000-row household list', big]] as const) {
    const bundle = wallMs('bundle', file);
    const viaTsx = wallMs('tsx', file);
    console.log(`  ${label.padEnd(28)} ${bundle.toFixed(0).padStart(5)} ms ${viaTsx.toFixed(0).padStart(6)} ms`);
    if (file === SAMPLE) console.log(`  (aim for the sample: under ${AIM_SAMPLE_MS} ms — ${bundle < AIM_SAMPLE_MS ? 'met' : 'NOT met'})`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
