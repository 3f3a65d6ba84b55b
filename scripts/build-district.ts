import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build:district`: the district page (web/district) into dist/public/district/ —
 * index.html, district.css and district.js, one esbuild bundle of the page with the shared
 * schemas and the issue messages. The Worker serves dist/public, so the page is at /district/ on
 * the API's own origin.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'web/district');

export async function buildDistrict(options: { outDir?: string } = {}): Promise<{ outDir: string }> {
  const out = resolve(options.outDir ?? join(ROOT, 'dist/public/district'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(SOURCE, 'main.ts')],
    outfile: join(out, 'district.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // <dialog>, ReadableStream readers and Intl: Chrome/Edge 92+, Firefox 98+, Safari 15.4+.
    target: ['es2020', 'chrome92', 'edge92', 'firefox98', 'safari15.4'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'district.css']) copyFileSync(join(SOURCE, f), join(out, f));
  return { outDir: out };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const { outDir } = await buildDistrict();
    console.log(`district page built into ${outDir}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
