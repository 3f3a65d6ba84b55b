import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, buildAddin, productionBaseUrl } from '../../scripts/build-addin.ts';
import { DEV_BASE_URL, checkManifest } from '../../scripts/check-manifest.ts';

const ROOT = join(import.meta.dirname, '../..');
const DEV = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
let out: string;
let problems: string[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'gnbv-addin-'));
  ({ problems } = await buildAddin({ outDir: out, url: 'https://gnbv.example.gov.vn' }));
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run build:addin', () => {
  it('builds the pane and icons, and both manifests pass the offline check against the built files', () => {
    expect(problems).toEqual([]);
    for (const f of ['addin/taskpane.html', 'addin/taskpane.js', 'addin/taskpane.css', 'addin/help.html']) expect(existsSync(join(out, 'public', f))).toBe(true);
    const html = readFileSync(join(out, 'public/addin/taskpane.html'), 'utf8');
    expect(html).toContain('src="taskpane.js"');
    expect(html).toContain('href="taskpane.css"');
  });

  it('writes PNG icons of 16, 32, 64 and 80 pixels', () => {
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(out, 'public/assets', `icon-${size}.png`));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('with --url, writes dist/manifest.xml with every URL switched to that origin', () => {
    const prod = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://gnbv.example.gov.vn/addin/taskpane.html"/>');
    expect(prod.split('https://gnbv.example.gov.vn').length).toBe(DEV.split(DEV_BASE_URL).length);
  });

  it('refuses a production URL that is not an https origin', () => {
    expect(() => productionBaseUrl('http://gnbv.example.gov.vn')).toThrow(/https/);
    expect(() => productionBaseUrl('https://gnbv.example.gov.vn/addin')).toThrow(/origin/);
    expect(productionBaseUrl('https://gnbv.example.gov.vn/')).toBe('https://gnbv.example.gov.vn');
  });
});

describe('the offline manifest check', () => {
  const check = (xml: string) => checkManifest(xml, { baseUrl: DEV_BASE_URL, publicDir: join(out, 'public') });

  it('passes the development manifest: Id, Version, ProviderName, vi-VN, Workbook, ExcelApi, SourceLocation, ReadWriteDocument, the Home tab button', () => {
    expect(check(DEV)).toEqual([]);
  });

  it('finds what is wrong', () => {
    expect(check(DEV.replace('</OfficeApp>', ''))[0]).toMatch(/not well-formed XML/);
    expect(check(DEV.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'))).toEqual([
      'Permissions is not ReadWriteDocument',
    ]);
    expect(check(DEV.replace('<DefaultLocale>vi-VN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'))).toEqual(['DefaultLocale is not vi-VN']);
    expect(check(DEV.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'))).toEqual(['Hosts has no <Host Name="Workbook">']);
    expect(check(DEV.replace('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'))).toContain(
      'VersionOverrides has no Workbook button on the Home tab (TabHome) that shows the task pane',
    );
    expect(check(DEV.replace('DefaultValue="Kiểm tra GNBV">\n          <bt:Override', 'DefaultValue="Check">\n          <bt:Override'))).toEqual([
      'the Home tab button is not labelled "Kiểm tra GNBV"',
    ]);
    expect(check(DEV.replace('/assets/icon-80.png', '/assets/icon-81.png'))).toEqual([
      `https://localhost:8787/assets/icon-81.png → ${join(out, 'public/assets/icon-81.png')} does not exist (run npm run build:addin)`,
    ]);
    expect(check(DEV.replace('https://localhost:8787/addin/help.html"/>\n  <AppDomains>', 'https://example.com/help.html"/>\n  <AppDomains>'))).toEqual([
      'https://example.com/help.html is not under https://localhost:8787',
    ]);
    expect(check(DEV.replace('<Set Name="ExcelApi" MinVersion="1.13"/>', ''))).toEqual(['Requirements has no ExcelApi set with a MinVersion']);
  });
});
