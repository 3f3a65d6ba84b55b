import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
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

export async function buildWebPage(page: WebPage): Promise<{ outDir: string }> {
  const source = join(ROOT, 'web', page.name);
  const out = resolve(page.outDir ?? join(ROOT, 'dist/public', page.name));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const shared: BuildOptions = { bundle: true, minify: true, logLevel: 'warning', target: [...page.target] };
  await build({
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
  });
  await build({ ...shared, entryPoints: [join(source, `${page.name}.css`)], outfile: join(out, `${page.name}.css`) });
  writeFileSync(join(out, 'index.html'), pageHtml(page.name, source), 'utf8');
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
