import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';

/** Reading the written workbook back with independent readers: SheetJS for cells, fflate for the raw parts. */

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type Row = (string | number | boolean | null)[];

export interface ReadBack {
  workbook: XLSX.WorkBook;
  /** Every part of the package as text. */
  parts: Record<string, string>;
  /** A sheet as rows of values (index 0 = Excel row 1), blanks as null. */
  rows(sheet: string): Row[];
  sheet(name: string): XLSX.WorkSheet;
  /** The raw XML of a sheet, by its name in workbook.xml. */
  sheetXml(name: string): string;
}

export function readBack(bytes: Uint8Array): ReadBack {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) parts[name] = strFromU8(data);
  const sheet = (name: string): XLSX.WorkSheet => {
    const ws = workbook.Sheets[name];
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  return {
    workbook,
    parts,
    sheet,
    rows: (name) => XLSX.utils.sheet_to_json<Row>(sheet(name), { header: 1, defval: null, blankrows: true, raw: true }),
    sheetXml(name) {
      const index = workbook.SheetNames.indexOf(name);
      const xml = parts[`xl/worksheets/sheet${index + 1}.xml`];
      if (index < 0 || xml === undefined) throw new Error(`no sheet part for ${name}`);
      return xml;
    },
  };
}

/** Numbers rounded to 9 decimals, so hand-written serials and fractions compare. */
export function rounded(rows: readonly Row[]): Row[] {
  return rows.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
}
