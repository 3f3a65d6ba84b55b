import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/**
 * `npm run build:cli` (also run by `npm ci`'s prepare step): the `gnbv` command as one JavaScript
 * file, dist/cli/gnbv.mjs, the engine and its libraries inside. bin/gnbv.mjs runs it, so a command
 * starts as fast as Node does instead of compiling TypeScript through tsx on every run, and the
 * packed package (`npm pack`) installs with no dependency at all. cli/ and shared/ stay the truth:
 * tests/cli/bundle.test.ts fails when this file is older than they are.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = join(ROOT, 'dist/cli/gnbv.mjs');

export const CLI_BUILD: BuildOptions = {
  entryPoints: [join(ROOT, 'cli/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // A library written as CommonJS may call require() for a Node module; an ES module has none.
  banner: { js: "import { createRequire as __gnbvRequire } from 'node:module'; const require = __gnbvRequire(import.meta.url);" },
};

/** The bundle's text, built in memory (the staleness test compares it with the file). */
export async function cliBundleText(): Promise<string> {
  const r = await build({ ...CLI_BUILD, write: false, outfile: CLI_BUNDLE });
  const file = r.outputFiles?.[0];
  if (!file) throw new Error('esbuild produced no output for cli/main.ts');
  return file.text;
}

export async function buildCli(): Promise<string> {
  const text = await cliBundleText();
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  writeFileSync(CLI_BUNDLE, text);
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
