import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/**
 * `npm run build:cli` (also run by `npm ci`'s prepare step): the `gnbv` command as one JavaScript
 * bundle, dist/cli/gnbv.mjs, the engine and its libraries inside, with SheetJS (read only for an
 * .xls or .ods, 360 KB) in a chunk of its own under dist/cli/chunks/ so that it costs nothing to
 * the start of a command on an .xlsx or CSV. bin/gnbv.mjs runs it, so a command
 * starts as fast as Node does instead of compiling TypeScript through tsx on every run, and the
 * packed package (`npm pack`) installs with no dependency at all. cli/ and shared/ stay the truth:
 * tests/cli/bundle.test.ts fails when this file is older than they are.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist/cli');
export const CLI_BUNDLE = join(OUT_DIR, 'gnbv.mjs');

export const CLI_BUILD: BuildOptions = {
  entryPoints: { gnbv: join(ROOT, 'cli/main.ts') },
  bundle: true,
  splitting: true,
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // A library written as CommonJS may call require() for a Node module; an ES module has none.
  banner: { js: "import { createRequire as __gnbvRequire } from 'node:module'; const require = __gnbvRequire(import.meta.url);" },
};

/** The bundle's files, built in memory: path → text (the staleness test compares them with the files). */
export async function cliBundleFiles(): Promise<Map<string, string>> {
  const r = await build({ ...CLI_BUILD, write: false });
  const files = new Map((r.outputFiles ?? []).map((f) => [f.path, f.text] as const));
  if (!files.has(CLI_BUNDLE)) throw new Error('esbuild produced no gnbv.mjs for cli/main.ts');
  return files;
}

export async function buildCli(): Promise<string> {
  const files = await cliBundleFiles();
  rmSync(OUT_DIR, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return CLI_BUNDLE;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    console.log(`gnbv command built into ${await buildCli()}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
