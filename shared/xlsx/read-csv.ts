import type { CellValue, Grid } from '../grid/grid.ts';

/**
 * A CSV (or tab-separated) export → one Grid, the values typed as a spreadsheet would hold them,
 * so that a list saved as CSV gives the same issues as the same list in .xlsx.
 *
 * The encoding is found, not assumed: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without one (every
 * other byte zero); UTF-8 when the bytes are valid UTF-8; else an 8-bit file, read as
 * Windows-1258 (Vietnamese Windows' "ANSI") when that gives Vietnamese letters, else as
 * Windows-1252 — which is how text typed in a TCVN3 (.VnTime) or VNI font comes out of any
 * program, so the engine finds it as legacy-encoded exactly as it does in a workbook.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const vietnamese = decode('windows-1258', bytes).normalize('NFC');
    if (strayRatio(vietnamese) < 0.02) return { text: vietnamese, encoding: 'windows-1258' };
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Text in UTF-16 without a BOM: ASCII characters leave a zero byte on one side of each pair. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Vietnamese's marks on a Latin letter: grave, acute, circumflex, tilde, breve, hook above, horn, dot below. */
const VIETNAMESE_MARKS = /^[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]*$/;

/**
 * Of the non-ASCII characters, the share that is not a Vietnamese letter (nor common punctuation):
 * near zero for real Windows-1258 text, high for TCVN3 or VNI bytes read as Windows-1258 ("¨", "µ",
 * a tone mark left alone).
 */
function strayRatio(text: string): number {
  let nonAscii = 0;
  let stray = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch === 'đ' || ch === 'Đ' || /[\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b0\u00ba]/.test(ch)) continue;
    const d = ch.normalize('NFD');
    const base = d.charCodeAt(0);
    const isLetter = (base >= 0x41 && base <= 0x5a) || (base >= 0x61 && base <= 0x7a);
    if (!isLetter || !VIETNAMESE_MARKS.test(d.slice(1))) stray++;
  }
  return nonAscii === 0 ? 0 : stray / nonAscii;
}

// ---- fields ----------------------------------------------------------------------------------

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** RFC 4180 fields, with "" inside quotes; a line break inside quotes stays in the field. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The delimiter: Excel's own "sep=;" first line when there is one, else the candidate that splits
 * the first lines into the most fields most steadily (Vietnamese Windows lists with ";", since its
 * decimal mark is ",").
 */
function findDelimiter(text: string): { delimiter: string; body: string } {
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) return { delimiter: sep[1] as string, body: text.slice(sep[0].length) };
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const d of DELIMITERS) {
    const counts = parseDelimited(sample, d)
      .slice(0, 50)
      .map((r) => r.length);
    if (counts.length === 0) continue;
    const most = Math.max(...counts);
    if (most < 2) continue;
    // Lines with the widest count, weighted by the count: a real delimiter splits most lines alike.
    const score = counts.filter((c) => c === most).length * most;
    if (score > best.score) best = { delimiter: d, score };
  }
  return { delimiter: best.delimiter, body: text };
}

// ---- values ----------------------------------------------------------------------------------

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day first (Vietnamese, dd/mm/yyyy) unless the file's own dates say month first: a date whose
 * second part is over 12 and none whose first part is (as an English-locale export writes them).
 */
function dayFirst(fields: readonly string[][]): boolean {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const row of fields) {
    for (const f of row) {
      const m = SLASH_DATE.exec(f);
      if (!m) continue;
      if (Number(m[1]) > 12) firstOver12 = true;
      if (Number(m[2]) > 12) secondOver12 = true;
    }
  }
  return firstOver12 || !secondOver12;
}

function isoDate(y: number, m: number, d: number): CellValue | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { date: date.toISOString().slice(0, 10) };
}

/**
 * A field as a spreadsheet would hold it: a number when it is written as one (but not with a
 * leading zero, which only text keeps: "038070000001"), a date, an error, TRUE/FALSE, else text.
 */
function fieldValue(f: string, dayFirstDates: boolean): CellValue {
  if (f === '') return null;
  if (NUMBER.test(f) && !/^[+-]?0\d/.test(f)) return Number(f);
  const slash = SLASH_DATE.exec(f);
  if (slash) {
    const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    return (dayFirstDates ? isoDate(y, b, a) : isoDate(y, a, b)) ?? f;
  }
  const iso = ISO_DATE.exec(f);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? f;
  if (ERRORS.has(f)) return { error: f };
  if (f === 'TRUE' || f === 'FALSE') return f === 'TRUE';
  return f;
}

/** A CSV file's bytes → one Grid named `name` (the file's name without its extension). */
export function readCsv(bytes: Uint8Array, name: string): { grid: Grid; encoding: TextEncoding; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const { delimiter, body } = findDelimiter(text);
  const fields = parseDelimited(body, delimiter);
  const days = dayFirst(fields);
  const rows = fields.map((r) => {
    const cells = r.map((f) => fieldValue(f, days));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).length === 0) rows.pop();
  return { grid: { name: name.slice(0, 255) || 'CSV', rows, merges: [] }, encoding, delimiter };
}
