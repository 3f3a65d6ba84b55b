import { describe, expect, it } from 'vitest';
import { type ByteSink, type Cell, type Column, SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import { ZipStream } from '../../shared/xlsx/write/zip-stream.ts';
import { IdTable } from '../../shared/report/id-table.ts';
import { unzipSync } from 'fflate';

/**
 * `SheetXml.writeRow` (a row written byte by byte into the zip entry) against `row()` (the row as a
 * string): the same XML for every kind of cell, escaping, surrogates and the widths sample.
 */

const COLUMNS: Column[] = [
  { header: 'Tên', kind: 'text' },
  { header: 'Số', kind: 'count' },
  { header: 'Tiền', kind: 'money' },
  { header: 'Tỷ lệ', kind: 'percent' },
  { header: 'Tỷ lệ (%)', kind: 'percentNumber' },
  { header: 'Ngày', kind: 'date' },
  { header: 'Lúc', kind: 'datetime' },
  { header: 'Dấu', kind: 'mark' },
  { header: 'Khác', kind: 'plain' },
];

const ROWS: Cell[][] = [
  ['Nguyễn Văn An', 3, 1_500_000, 0.035, 0.035, '2024-12-01', '2024-12-01T02:30:00Z', true, 'x'],
  ['=SUM(A1:A2)', -4, -0, 1 / 3, 0.0125, 'not a date', 'not a time', false, null],
  ['  lề trái', 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, undefined, 12.5],
  ['a & b < c > "d" _x0041_', 0, 123_456_789_012, -0.5, -1, '2024-02-30', '', true, 'tab\there'],
  ['😀 emoji \uD800 lone \uDC00 low', 9_007_199_254_740_991, -9_007_199_254_740_991, 1e-7, 2.5e-9, '1999-01-01', '2020-06-30T17:00:00Z', false, 'dòng\nmới'],
  ['\u0001ctrl\u001F\uFFFE', 10, 100, 1000, 10_000, '2024-01-09', '2024-01-09T00:00:00+07:00', true, 'cuối '],
  ['x'.repeat(40_000), 1, 2, 3, 4, null, null, null, 'ữ'.repeat(30_000)],
];

async function entryText(write: (sheet: SheetXml, out: ByteSink) => void, sampleRows: number): Promise<string> {
  const zip = new ZipStream(new Date(2024, 11, 20));
  const entry = zip.entry('sheet.xml');
  const sheet = new SheetXml({ name: 's', title: 'T', subtitle: 'S', columns: COLUMNS, sampleRows });
  write(sheet, entry);
  sheet.endTable();
  entry.write(sheet.row(ROWS[0] as Cell[]));
  entry.write(sheet.end());
  entry.close();
  zip.end();
  const parts = await zip.take();
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return new TextDecoder().decode(unzipSync(bytes)['sheet.xml']);
}

describe('SheetXml.writeRow', () => {
  for (const sampleRows of [1, 3, 500]) {
    it(`writes the same XML as row() (widths measured on ${sampleRows} rows)`, async () => {
      const viaString = await entryText((sheet, out) => {
        for (let k = 0; k < 3; k++) for (const r of ROWS) out.write(sheet.row(r));
      }, sampleRows);
      const viaBytes = await entryText((sheet, out) => {
        for (let k = 0; k < 3; k++) for (const r of ROWS) sheet.writeRow(r, out);
      }, sampleRows);
      expect(viaBytes.length).toBe(viaString.length);
      expect(viaBytes === viaString).toBe(true);
      // The third pass of the rows is past the widths sample: written byte by byte.
      expect(viaBytes).toContain('<c r="A19" s="4" t="inlineStr"><is><t>=SUM(A1:A2)</t></is></c>');
      expect(viaBytes).toContain('<c r="B20" s="5"><v>9007199254740992</v></c><c r="C20" s="6"><v>1e+21</v></c>');
      expect(viaBytes).toContain('a &amp; b &lt; c &gt; &quot;d&quot; _x005F_x0041_');
    });
  }
});

describe('IdTable', () => {
  it('keeps one number per ID: leading zeros, letters, long IDs and collisions apart', () => {
    const table = new IdTable();
    const ids = ['038000000001', '38000000001', '0038000000001', '1', '01', 'A12345', '1234567890123456', '999999999999999'];
    ids.forEach((id, i) => table.set(id, i * 1e12 + 7));
    ids.forEach((id, i) => expect(table.get(id)).toBe(i * 1e12 + 7));
    expect(table.get('0')).toBeUndefined();
    expect(table.get('a12345')).toBeUndefined();
    table.set('01', 42);
    expect(table.get('01')).toBe(42);
    expect(table.get('1')).toBe(3e12 + 7);
  });

  it('grows past its first size and finds every ID again', () => {
    const table = new IdTable();
    for (let n = 0; n < 50_000; n++) table.set(`038${String(n * 7919).padStart(9, '0')}`, n);
    for (let n = 0; n < 50_000; n++) expect(table.get(`038${String(n * 7919).padStart(9, '0')}`)).toBe(n);
    expect(table.get('038000000001')).toBeUndefined();
  });
});
