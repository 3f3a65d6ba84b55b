import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { decodeText, readCsv } from '../../shared/xlsx/read-csv.ts';
import { UnreadableWorkbook, readSpreadsheet } from '../../shared/xlsx/read-spreadsheet.ts';
import { loadSamples } from '../samples.ts';

/**
 * Every sample saved again by LibreOffice (an independent program, Debian's
 * libreoffice-calc-nogui, installed by .ci/run) as Excel 97–2003 .xls, as .ods and as CSV (one
 * file per sheet, UTF-8, raw values): each copy gives the same issues as the .xlsx — the .xls and
 * .ods whole, fonts and messages included; the CSV code, sheet, row, column and value.
 */

const samples = loadSamples();
const dir = mkdtempSync(join(tmpdir(), 'gnbv-formats-'));

function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', ...args], { stdio: 'ignore', timeout: 240_000 });
}

beforeAll(() => {
  const sources = samples.map((s) => {
    const copy = join(dir, `${s.name}.xlsx`);
    copyFileSync(s.file, copy);
    return copy;
  });
  soffice(['--convert-to', 'xls', '--outdir', join(dir, 'xls'), ...sources]);
  soffice(['--convert-to', 'ods', '--outdir', join(dir, 'ods'), ...sources]);
  // 44,34,76: comma, double quote, UTF-8; 9th token false: values as stored, not as shown;
  // the 12th, -1: every sheet to its own file, NAME-SHEET.csv.
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), ...sources]);
}, 300_000);

/**
 * Each issue whole (code, cell, value, params, message). `csv`: as "sheet!cell code value", the value
 * as text — a CSV holds no types (a number kept as text in the workbook, an old 9-digit ID, comes
 * back a number, shown the same) and no fonts (the legacy-text message cannot name one).
 */
function issuesOf(grids: Grid[], date: string, csv = false): string[] {
  const r = validateWorkbook(
    grids.map((grid) => ({ grid })),
    { plan: XUAN_HOA_2024, reportDate: date },
  );
  return r.issues.map((i) => (csv ? `${i.sheet}!${i.column ?? ''}${i.row ?? ''} ${i.code} ${String(i.value)}` : JSON.stringify(i)));
}

describe('the same list as .xlsx, .xls, .ods and CSV gives the same issues', () => {
  for (const sample of samples) {
    it(sample.name, async () => {
      const xlsx = await readSpreadsheet(readFileSync(sample.file), sample.file);
      expect(xlsx.format).toBe('xlsx');
      const expected = issuesOf(xlsx.grids, sample.date);
      const expectedShown = issuesOf(xlsx.grids, sample.date, true);
      expect(expected.length).toBe(sample.issues.length);

      for (const format of ['xls', 'ods'] as const) {
        const file = join(dir, format, `${sample.name}.${format}`);
        const copy = await readSpreadsheet(readFileSync(file), file);
        expect(copy.format).toBe(format);
        expect(copy.grids.map((g) => g.name)).toEqual(xlsx.grids.map((g) => g.name));
        expect(issuesOf(copy.grids, sample.date), format).toEqual(expected);
      }

      // CSV has one sheet a file, named after the file: put the sheet names back to compare.
      const csvGrids: Grid[] = [];
      for (const sheet of xlsx.grids) {
        const file = join(dir, 'csv', `${sample.name}-${sheet.name}.csv`);
        const copy = await readSpreadsheet(readFileSync(file), file);
        expect(copy.format).toBe('csv');
        csvGrids.push({ ...(copy.grids[0] as Grid), name: sheet.name });
      }
      expect(issuesOf(csvGrids, sample.date, true), 'csv').toEqual(expectedShown);
    });
  }
});

describe('CSV as officers get it', () => {
  const households = 'STT;Thôn;Họ và tên chủ hộ;Số CCCD;Ngày sinh;Số nhân khẩu\r\n1;Thôn 1;Lò Văn Tuấn;038070000001;05/12/1970;4\r\n';

  it('finds ";" and reads day-first dates, keeps leading zeros as text, numbers as numbers', () => {
    const { grid, delimiter, encoding } = readCsv(strToU8(households), 'ds');
    expect([delimiter, encoding]).toEqual([';', 'utf-8']);
    expect(grid.rows[1]).toEqual([1, 'Thôn 1', 'Lò Văn Tuấn', '038070000001', { date: '1970-12-05' }, 4]);
  });

  it('reads UTF-8 with a BOM, UTF-16 LE and BE with and without one, and Windows-1258', () => {
    const text = 'Họ và tên,Thôn\r\nNguyễn Thị Hương,Bản Đôn\r\n';
    const utf16le = Buffer.from(text, 'utf16le');
    const utf16be = Buffer.from(utf16le).swap16();
    const cases: [Uint8Array, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'utf-16be'],
      [utf16le, 'utf-16le'],
      [utf16be, 'utf-16be'],
    ];
    for (const [bytes, encoding] of cases) expect(decodeText(bytes)).toEqual({ text, encoding });
    // Windows-1258 writes tones as combining marks after the letter: "Nguyễn" = N g u y ê + 0xDE (tilde).
    const cp1258 = Uint8Array.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x54, 0x68, 0x69, 0xf2, 0x20, 0x48, 0xfd, 0xf5, 0x6e, 0x67]);
    expect(decodeText(cp1258)).toEqual({ text: 'Nguyễn Thị Hương', encoding: 'windows-1258' });
  });

  it('leaves TCVN3 bytes as Windows-1252 look-alikes, which the engine finds as legacy-encoded', () => {
    // "Lò Văn Tuấn" typed in .VnTime: Lß V¨n TuÊn.
    const header = 'STT,Thon,Ho va ten chu ho,So CCCD,So nhan khau,Phan loai ho\r\n';
    const row = Buffer.concat([Buffer.from('1,Thon 1,'), Uint8Array.from([0x4c, 0xdf, 0x20, 0x56, 0xa8, 0x6e, 0x20, 0x54, 0x75, 0xca, 0x6e]), Buffer.from(',038070000001,4,N\r\n')]);
    const { grid, encoding } = readCsv(Buffer.concat([Buffer.from(header), row]), 'tcvn3');
    expect(encoding).toBe('windows-1252');
    expect(grid.rows[1]?.[2]).toBe('Lß V¨n TuÊn');
    const r = validateWorkbook([{ grid }], { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(r.issues.filter((i) => i.code === 'CELL.LEGACY_ENCODING').map((i) => [i.row, i.column, i.params?.['encoding']])).toEqual([[2, 'C', 'tcvn3']]);
  });

  it('honours a "sep=" line and quoted fields with delimiters, quotes and line breaks', () => {
    const { grid, delimiter } = readCsv(strToU8('sep=|\n"a|b"|"say ""hi"""|"two\nlines"\n'), 'x');
    expect(delimiter).toBe('|');
    expect(grid.rows).toEqual([['a|b', 'say "hi"', 'two\nlines']]);
  });
});

describe('what is not a spreadsheet is never read as an empty one', () => {
  it('a zip holding only a text file, renamed .xlsx, is not a spreadsheet', async () => {
    await expect(readSpreadsheet(zipSync({ 'notes.txt': strToU8('hello') }), 'bao-cao.xlsx')).rejects.toEqual(new UnreadableWorkbook('not-spreadsheet'));
  });

  it('a text file is read as CSV only when its name says so', async () => {
    await expect(readSpreadsheet(strToU8('STT,Họ và tên\n1,An\n'), 'notes.xlsx')).rejects.toEqual(new UnreadableWorkbook('not-spreadsheet'));
    expect((await readSpreadsheet(strToU8('STT,Họ và tên\n1,An\n'), 'ds.csv')).grids[0]?.rows).toEqual([['STT', 'Họ và tên'], [1, 'An']]);
  });

  it('random bytes, an empty file and a garbled .xls are reasons, not grids', async () => {
    await expect(readSpreadsheet(Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256), 'x.xlsx')).rejects.toMatchObject({ reason: 'not-spreadsheet' });
    await expect(readSpreadsheet(new Uint8Array(0), 'x.xls')).rejects.toMatchObject({ reason: 'empty' });
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000, 3)]);
    await expect(readSpreadsheet(cfb, 'x.xls')).rejects.toMatchObject({ reason: 'damaged' });
  });

  it('reads an HTML table saved as .xls (what some software exports)', async () => {
    const html = '<html><body><table><tr><td>STT</td><td>Họ và tên</td></tr><tr><td>1</td><td>An</td></tr></table></body></html>';
    const r = await readSpreadsheet(strToU8(html), 'export.xls');
    expect(r.format).toBe('html');
    expect(r.grids[0]?.rows).toEqual([['STT', 'Họ và tên'], [1, 'An']]);
  });
});
