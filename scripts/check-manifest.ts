import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, type Element, onWarningStopParsing } from '@xmldom/xmldom';

/**
 * Offline check of the add-in manifest (office-addin-manifest's validator needs the network):
 * well-formed XML; the elements Office requires, with the values GNBV needs; and every URL under
 * the base URL pointing to a file that the build put in dist/public (URL path /x → dist/public/x).
 *
 *   tsx scripts/check-manifest.ts [manifest.xml] [--url https://localhost:8787] [--public dist/public]
 */

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
} as const;

export const DEV_BASE_URL = 'https://localhost:8787';

export interface ManifestCheckOptions {
  /** Every URL must start with this origin. */
  baseUrl: string;
  /** The built files; the URL path maps onto it. */
  publicDir: string;
}

function children(parent: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

function descendants(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

/** Problems with a manifest, as sentences; none means it passes. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, 'text/xml');
  } catch (e) {
    return [`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`];
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'OfficeApp' || root.namespaceURI !== NS.app) return ['the root element is not OfficeApp in the appforoffice 1.1 namespace'];
  if (root.getAttributeNS(NS.xsi, 'type') !== 'TaskPaneApp') problems.push('OfficeApp xsi:type is not TaskPaneApp');

  const one = (name: string): Element | null => {
    const found = children(root, NS.app, name);
    if (found.length !== 1) {
      problems.push(`OfficeApp needs exactly one <${name}> (found ${found.length})`);
      return null;
    }
    return found[0] ?? null;
  };
  const text = (name: string): string => one(name)?.textContent?.trim() ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text('Id'))) problems.push('Id is not a GUID');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text('Version'))) problems.push('Version is not four numbers (n.n.n.n)');
  if (text('ProviderName') === '') problems.push('ProviderName is empty');
  if (text('DefaultLocale') !== 'vi-VN') problems.push('DefaultLocale is not vi-VN');
  if ((one('DisplayName')?.getAttribute('DefaultValue') ?? '') === '') problems.push('DisplayName has no DefaultValue');
  if (text('Permissions') !== 'ReadWriteDocument') problems.push('Permissions is not ReadWriteDocument');

  const hosts = one('Hosts');
  if (hosts && !children(hosts, NS.app, 'Host').some((h) => h.getAttribute('Name') === 'Workbook')) problems.push('Hosts has no <Host Name="Workbook">');
  const requirements = one('Requirements');
  const excelApi = requirements ? descendants(requirements, NS.app, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi') : undefined;
  if (!excelApi || !/^1\.\d+$/.test(excelApi.getAttribute('MinVersion') ?? '')) problems.push('Requirements has no ExcelApi set with a MinVersion');
  const settings = one('DefaultSettings');
  const source = settings ? children(settings, NS.app, 'SourceLocation')[0] : undefined;
  if (!source?.getAttribute('DefaultValue')) problems.push('DefaultSettings has no SourceLocation DefaultValue');

  const overrides = children(root, NS.ov, 'VersionOverrides')[0];
  if (!overrides) problems.push('no VersionOverrides (taskpaneappversionoverrides)');
  else {
    const workbook = descendants(overrides, NS.ov, 'Host').find((h) => h.getAttributeNS(NS.xsi, 'type') === 'Workbook');
    const homeTab = workbook ? descendants(workbook, NS.ov, 'OfficeTab').find((t) => t.getAttribute('id') === 'TabHome') : undefined;
    const button = homeTab ? descendants(homeTab, NS.ov, 'Control').find((c) => c.getAttributeNS(NS.xsi, 'type') === 'Button') : undefined;
    const action = button ? descendants(button, NS.ov, 'Action').find((a) => a.getAttributeNS(NS.xsi, 'type') === 'ShowTaskpane') : undefined;
    if (!button || !action) problems.push('VersionOverrides has no Workbook button on the Home tab (TabHome) that shows the task pane');

    // Every resid must name a resource; the button's label must read "Kiểm tra GNBV".
    const resources = new Map<string, string>();
    for (const tag of ['Image', 'Url', 'String']) {
      for (const el of descendants(overrides, NS.bt, tag)) {
        const id = el.getAttribute('id');
        if (id) resources.set(id, el.getAttribute('DefaultValue') ?? '');
      }
    }
    for (const el of Array.from(overrides.getElementsByTagName('*'))) {
      const resid = el.getAttribute('resid');
      if (resid && !resources.has(resid)) problems.push(`resid "${resid}" names no resource`);
    }
    const labelId = button ? children(button, NS.ov, 'Label')[0]?.getAttribute('resid') : undefined;
    if (button && resources.get(labelId ?? '') !== 'Kiểm tra GNBV') problems.push('the Home tab button is not labelled "Kiểm tra GNBV"');
    const sizes = new Set(descendants(overrides, NS.bt, 'Image').map((i) => i.getAttribute('size')).filter((s) => s !== null));
    for (const s of ['16', '32', '80']) if (button && !sizes.has(s)) problems.push(`the button has no ${s}px icon`);
  }

  // Every URL: under the base URL, and a built file behind it.
  const urls: string[] = [];
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const v = el.getAttribute('DefaultValue') ?? el.getAttribute('Value');
    if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    if (el.localName === 'AppDomain' && el.textContent) urls.push(el.textContent.trim());
  }
  if (urls.length === 0) problems.push('the manifest names no URL');
  const base = options.baseUrl.replace(/\/+$/, '');
  for (const url of urls) {
    if (url !== base && !url.startsWith(`${base}/`)) {
      problems.push(`${url} is not under ${base}`);
      continue;
    }
    const path = decodeURIComponent(new URL(url).pathname);
    if (path === '/' || url === base) continue; // an origin (AppDomain)
    const file = join(options.publicDir, path);
    if (!existsSync(file) || !statSync(file).isFile()) problems.push(`${url} → ${file} does not exist (run npm run build:addin)`);
  }
  for (const icon of ['IconUrl', 'HighResolutionIconUrl']) {
    if (!children(root, NS.app, icon)[0]?.getAttribute('DefaultValue')) problems.push(`no ${icon}`);
  }
  return problems;
}

function main(argv: readonly string[]): number {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const file = resolve(positional[0] ?? join(root, 'manifest.xml'));
  const problems = checkManifest(readFileSync(file, 'utf8'), {
    baseUrl: arg('url') ?? DEV_BASE_URL,
    publicDir: resolve(arg('public') ?? join(root, 'dist/public')),
  });
  for (const p of problems) console.error(`${file}: ${p}`);
  if (problems.length === 0) console.log(`${file}: manifest OK`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
