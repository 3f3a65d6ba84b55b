import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, type Metafile, build } from 'esbuild';
import { z } from 'zod';

/**
 * One static page of web/ (upload, district) into dist/public/NAME/: index.html with its parts put
 * in (`<!-- gnbv:include dialog.html id="…" -->`, filled from the marker and from the page's
 * page-top.json, see pageHtml), NAME.css with the common base.css it imports inlined, and NAME.js,
 * the esbuild bundle of main.ts, with chunks/ for the code it imports only when needed (the upload page's .xlsx reader). The Worker serves
 * dist/public, so the page is at /NAME/ on the API's own origin.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMMON = join(ROOT, 'web/common');
/** `<!-- gnbv:include FILE name="value" name='value' … -->` on lines of its own. */
const INCLUDE = /^[ \t]*<!--\s*gnbv:include\s+([\w.-]+)((?:\s+[\w-]+=(?:"[^"]*"|'[^']*'))*)\s*-->/gm;
const PARAM = /([\w-]+)=(?:"([^"]*)"|'([^']*)')/g;
const SLOT = /\{\{([\w-]+)\}\}/g;

export interface WebPage {
  name: 'upload' | 'district';
  /** The browsers the bundle must run in (esbuild targets). */
  target: readonly string[];
  outDir?: string;
}

/**
 * web/NAME/page-top.json: what the page's top (web/common/page-top.html) shows of this page, but its
 * name and its title. The title is the page's text table's pageTitle in Vietnamese, the language it
 * opens in (NAME-text.json), so the tab, the heading and the words the page switches to stay one.
 */
const PageTop = z.strictObject({ logo: z.string(), icon: z.string(), subtitle: z.string() });
const PageTitle = z.object({ pageTitle: z.object({ vi: z.string() }) });

/** The `{{name}}`s any include of the page may take without its marker giving them. */
function pageValues(name: WebPage['name'], source: string): Map<string, string> {
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(source, file), 'utf8'));
  const top = PageTop.parse(readJson('page-top.json'));
  const title = PageTitle.parse(readJson(`${name}-text.json`)).pageTitle.vi;
  return new Map(Object.entries({ name, title, ...top }));
}

interface Expansion {
  source: string;
  values: ReadonlyMap<string, string>;
  /** Those of the values some include took. */
  used: Set<string>;
}

/**
 * A page's HTML with each include marker replaced by that file, from the page's own folder or else
 * web/common (the page's top, sign-in, the district's dialogs), its `{{name}}`s filled from the
 * marker's values or else the page's, and its own markers replaced in turn. A `{{name}}` with no
 * value, or a value no `{{name}}` takes, is a build error: a page cannot come out with a hole in it.
 */
function expandIncludes(html: string, from: string, page: Expansion): string {
  return html.replace(INCLUDE, (_marker, file: string, paramText: string) => {
    const own = join(page.source, file);
    const path = existsSync(own) ? own : join(COMMON, file);
    const params = new Map([...paramText.matchAll(PARAM)].map((m) => [m[1] as string, m[2] ?? m[3] ?? ''] as const));
    const unused = new Set(params.keys());
    const filled = readFileSync(path, 'utf8')
      .trimEnd()
      .replace(SLOT, (_slot, name: string) => {
        const value = params.get(name) ?? page.values.get(name);
        if (value === undefined) throw new Error(`${from}: ${file} needs ${name}="…" (on its marker or in page-top.json)`);
        if (params.has(name)) unused.delete(name);
        else page.used.add(name);
        return value;
      });
    if (unused.size > 0) throw new Error(`${from}: ${file} has no {{${[...unused].join('}}, {{')}}}`);
    return expandIncludes(filled, file, page);
  });
}

function pageHtml(name: WebPage['name'], source: string): string {
  const page: Expansion = { source, values: pageValues(name, source), used: new Set() };
  const html = expandIncludes(readFileSync(join(source, 'index.html'), 'utf8'), 'index.html', page);
  const unused = [...page.values.keys()].filter((key) => !page.used.has(key));
  if (unused.length > 0) throw new Error(`web/${name}: no include takes {{${unused.join('}}, {{')}}}`);
  return html;
}

/** The chunks a page loads later, by the source file each was built from: path from the repository root → path from `out`. */
function lateChunks(metafile: Metafile, out: string): Record<string, string> {
  const chunks: Record<string, string> = {};
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const path = relative(out, resolve(ROOT, output)).split(sep).join('/');
    if (meta.entryPoint !== undefined && path.startsWith('chunks/')) chunks[meta.entryPoint] = path;
  }
  return chunks;
}

/**
 * The page with its late chunks' names in it (`<script type="application/json" id="gnbv-chunks">`,
 * read by web/common/late-module.ts), so that a chunk whose fetch failed can be asked for again by
 * URL. Data, not a script: nothing runs, the page's CSP is untouched.
 */
function withChunks(html: string, chunks: Record<string, string>): string {
  if (Object.keys(chunks).length === 0) return html;
  const tag = `  <script type="application/json" id="gnbv-chunks">${JSON.stringify(chunks).replace(/</g, '\\u003c')}</script>\n`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `${tag}</head>`);
}

export async function buildWebPage(page: WebPage): Promise<{ outDir: string }> {
  const source = join(ROOT, 'web', page.name);
  const out = resolve(page.outDir ?? join(ROOT, 'dist/public', page.name));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const shared: BuildOptions = { bundle: true, minify: true, logLevel: 'warning', target: [...page.target] };
  const script: BuildOptions = {
    ...shared,
    // NAME.js, and a chunk per part the page loads later (the upload page's .xlsx reader).
    entryPoints: { [page.name]: join(source, 'main.ts') },
    outdir: out,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    sourcemap: true,
    legalComments: 'linked',
  };
  const built = await build({ ...script, metafile: true });
  await build({ ...shared, entryPoints: [join(source, `${page.name}.css`)], outfile: join(out, `${page.name}.css`) });
  writeFileSync(join(out, 'index.html'), withChunks(pageHtml(page.name, source), lateChunks(built.metafile, out)), 'utf8');
  return { outDir: out };
}

/**
 * The build scripts' command line: when `moduleUrl` (the script's import.meta.url) is the process's
 * entry, builds the page, says where, exits 1 on failure.
 */
export async function runBuild(page: WebPage, moduleUrl: string): Promise<void> {
  if (process.argv[1] === undefined || fileURLToPath(moduleUrl) !== resolve(process.argv[1])) return;
  try {
    const { outDir } = await buildWebPage(page);
    console.log(`${page.name} page built into ${outDir}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
