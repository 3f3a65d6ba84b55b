import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build:upload`: the upload page (web/upload) into dist/public/upload/ — index.html,
 * upload.css and upload.js, one esbuild bundle of the page with the shared engine and exceljs.
 * exceljs comes in as its browser build (package.json "browser": dist/exceljs.min.js, which carries
 * its own Buffer, stream and zip shims), picked by `platform: 'browser'`. The Worker serves
 * dist/public, so the page is at /upload/ on the API's own origin.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'web/upload');

export async function buildUpload(options: { outDir?: string } = {}): Promise<{ outDir: string }> {
  const out = resolve(options.outDir ?? join(ROOT, 'dist/public/upload'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(SOURCE, 'main.ts')],
    outfile: join(out, 'upload.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // CompressionStream, crypto.randomUUID and Intl time zones: Chrome/Edge 92+, Firefox 113+, Safari 16.4+.
    target: ['es2020', 'chrome92', 'edge92', 'firefox113', 'safari16.4'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'upload.css']) copyFileSync(join(SOURCE, f), join(out, f));
  return { outDir: out };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const { outDir } = await buildUpload();
    console.log(`upload page built into ${outDir}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
