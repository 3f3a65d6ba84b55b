import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { DEV_BASE_URL, checkManifest } from './check-manifest.ts';

/**
 * `npm run build:addin [-- --url https://HOST]`: the task pane into dist/public/addin/
 * (taskpane.html, taskpane.js bundled by esbuild from addin/ with front/ and shared/, taskpane.css,
 * help.html), the icons into dist/public/assets/, and — with --url — the production manifest,
 * every URL switched from https://localhost:8787 to HOST, into dist/manifest.xml. The Worker
 * serves dist/public.
 * Both manifests are checked against the built files; the build fails on any problem.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SIZES = [16, 32, 64, 80] as const;

// ---- a tiny PNG encoder (RGBA, 8 bits per channel) -----------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** width × height RGBA pixels (row-major) → PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---- the icon: Excel's green rounded square with a white tick, anti-aliased -----------------

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const green = [0x10, 0x7c, 0x41];
  const samples = 4;
  const radius = 0.2;
  const stroke = size <= 16 ? 0.15 : 0.12;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let tick = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          // Unit coordinates of the sample, with a 4% margin around the square.
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          const m = 0.04;
          const cx = Math.max(m + radius, Math.min(1 - m - radius, u));
          const cy = Math.max(m + radius, Math.min(1 - m - radius, v));
          if (Math.hypot(u - cx, v - cy) > radius) continue;
          inside++;
          const d = Math.min(distanceToSegment(u, v, 0.26, 0.53, 0.43, 0.7), distanceToSegment(u, v, 0.43, 0.7, 0.75, 0.33));
          if (d <= stroke / 2) tick++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const white = tick / Math.max(1, inside);
      for (let c = 0; c < 3; c++) px[i + c] = Math.round((green[c] as number) * (1 - white) + 255 * white);
      px[i + 3] = Math.round((255 * inside) / n);
    }
  }
  return px;
}

// ---- the build ----------------------------------------------------------------------------

/** The production base URL: https, an origin only (the Worker serves /addin and /assets at its root). */
export function productionBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--url ${text}: not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`--url ${text}: Office loads add-ins only over https`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') throw new Error(`--url ${text}: give the origin only (https://host[:port])`);
  return url.origin;
}

export function productionManifest(devManifest: string, baseUrl: string): string {
  return devManifest.split(DEV_BASE_URL).join(baseUrl);
}

export async function buildAddin(options: { outDir?: string; url?: string } = {}): Promise<{ problems: string[] }> {
  const out = resolve(options.outDir ?? join(ROOT, 'dist'));
  const pub = join(out, 'public');
  mkdirSync(join(pub, 'addin'), { recursive: true });
  mkdirSync(join(pub, 'assets'), { recursive: true });

  await build({
    entryPoints: [join(ROOT, 'addin/taskpane.ts')],
    outfile: join(pub, 'addin/taskpane.js'),
    bundle: true,
    format: 'iife',
    // Excel's web views: WebView2 (Edge) and Safari; EdgeHTML 18 in older Windows builds of Office 2021.
    target: ['es2019'],
    platform: 'browser',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const f of ['taskpane.html', 'taskpane.css', 'help.html']) copyFileSync(join(ROOT, 'addin', f), join(pub, 'addin', f));
  for (const size of ICON_SIZES) writeFileSync(join(pub, 'assets', `icon-${size}.png`), encodePng(size, size, drawIcon(size)));

  const dev = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const problems = checkManifest(dev, { baseUrl: DEV_BASE_URL, publicDir: pub }).map((p) => `manifest.xml: ${p}`);
  if (options.url !== undefined) {
    const base = productionBaseUrl(options.url);
    const prod = productionManifest(dev, base);
    writeFileSync(join(out, 'manifest.xml'), prod);
    problems.push(...checkManifest(prod, { baseUrl: base, publicDir: pub }).map((p) => `dist/manifest.xml: ${p}`));
  }
  return { problems };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--url');
  const url = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && url === undefined) {
    console.error('usage: npm run build:addin [-- --url https://HOST]');
    process.exit(2);
  }
  try {
    const { problems } = await buildAddin(url === undefined ? {} : { url });
    for (const p of problems) console.error(p);
    if (problems.length > 0) process.exit(1);
    console.log(`add-in built into dist/public${url ? `; production manifest for ${productionBaseUrl(url)} in dist/manifest.xml` : ''}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
