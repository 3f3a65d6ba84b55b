import { type CellValue, isCellDate, isCellError } from './grid.ts';
import { fold } from '../text/normalize.ts';

/** Parsing cell values as officers type them: numbers as text ("1.500.000", "1,500,000"), dates as text or serials. */

export type Parsed<T> = { ok: true; value: T } | { ok: false };
const FAIL = { ok: false } as const;
function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/**
 * The common shapes of number text, read without allocating: "1500000", "1.500.000", "1,500,000",
 * "1.500". NaN for anything else (signs, decimals, units, spaces, "0.500"), which parseNumber then
 * reads the long way — with the same result for the shapes read here.
 */
function plainNumberText(s: string): number {
  let value = 0;
  let groupLength = 0;
  let groups = 0;
  let separator = 0;
  let first = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      value = value * 10 + (ch - 48);
      groupLength++;
      continue;
    }
    if ((ch !== 46 && ch !== 44) || (separator !== 0 && ch !== separator)) return NaN;
    if (groups === 0) {
      if (groupLength < 1 || groupLength > 3) return NaN;
      first = value;
    } else if (groupLength !== 3) return NaN;
    separator = ch;
    groups++;
    groupLength = 0;
  }
  if (groups === 0) return groupLength > 0 && groupLength <= 15 ? value : NaN;
  if (groupLength !== 3 || (groups === 1 && first === 0)) return NaN;
  return value;
}

/** A number from a number cell or Vietnamese/English number text. */
export function parseNumber(v: CellValue | undefined): Parsed<number> {
  const n = numberOf(v);
  return n === n ? ok(n) : FAIL;
}

/** parseNumber without the wrapper, for the hot loops: NaN when the cell is not a number. */
export function numberOf(v: CellValue | undefined): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  const plain = plainNumberText(v);
  return plain === plain ? plain : numberTextTheLongWay(v);
}

/** Any number text officers write: signs, brackets, đ, both separators. Exported for the tests. */
export function numberTextTheLongWay(v: string): number {
  let s = v.trim().replace(/\s+/g, '').replace(/[đ₫]$/i, '');
  if (s === '') return NaN;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign *= -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots > 0 && commas > 0) {
    // The later separator is the decimal one: "1.500.000,5" or "1,500,000.5".
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (!isGrouped(s.split(decimal)[0] ?? '', group)) return NaN;
    normal = s.split(group).join('').replace(decimal, '.');
  } else if (dots + commas > 1) {
    const sep = dots > 0 ? '.' : ',';
    if (!isGrouped(s, sep)) return NaN;
    normal = s.split(sep).join('');
  } else if (dots + commas === 1) {
    const sep = dots > 0 ? '.' : ',';
    const [int = '', frac = ''] = s.split(sep);
    // "1.500" or "1,500" (three digits after one separator) is a thousands group in Vietnamese sheets.
    normal = frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== '0' ? int + frac : `${int}.${frac}`;
  } else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : NaN;
}

function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return parts.every((p, i) => (i === 0 ? /^\d{1,3}$/.test(p) : /^\d{3}$/.test(p)));
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const t = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) from a date cell, an Excel serial, or text dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd. */
export function parseDate(v: CellValue | undefined, options: { serials?: boolean } = {}): Parsed<string> {
  if (isCellDate(v)) return ok(v.date);
  if (typeof v === 'number') {
    if (options.serials === false) return FAIL;
    const d = serialToIsoDate(v);
    return d && v >= 367 ? ok(d) : FAIL;
  }
  if (typeof v !== 'string') return FAIL;
  const s = v.trim();
  let m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return d ? ok(d) : FAIL;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? ok(d) : FAIL;
  }
  m = /^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i.exec(s.normalize('NFC'));
  if (m) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return d ? ok(d) : FAIL;
  }
  return FAIL;
}

/** A year written alone (1985, "1985") — a date or dd/mm/yyyy text gives its year; "x/yyyy" too. */
export interface YearOrDate {
  year: number;
  /** The full date when the cell carries one. */
  date: string | null;
}

export function parseYearOrDate(v: CellValue | undefined): Parsed<YearOrDate> {
  const y = yearOrDateOf(v);
  return y === null ? FAIL : ok(y);
}

/** One shared, frozen answer per year written alone: a 100,000-row list has a few dozen birth years. */
const YEARS: (YearOrDate | null)[] = new Array<YearOrDate | null>(9000).fill(null);
function yearAlone(year: number): YearOrDate {
  return YEARS[year - 1000] ?? (YEARS[year - 1000] = Object.freeze({ year, date: null }));
}

/** parseYearOrDate without the wrapper, for the hot loops: null when the cell is neither. */
export function yearOrDateOf(v: CellValue | undefined): YearOrDate | null {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1000 && v <= 9999) return yearAlone(v);
    const d = parseDate(v);
    return d.ok ? { year: Number(d.value.slice(0, 4)), date: d.value } : null;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^\d{4}$/.test(s)) return yearAlone(Number(s));
    const mY = /^(\d{1,2})[/.\-](\d{4})$/.exec(s);
    if (mY) return yearAlone(Number(mY[2]));
  }
  const d = parseDate(v, { serials: false });
  return d.ok ? { year: Number(d.value.slice(0, 4)), date: d.value } : null;
}

const MARK_TRUE = new Set(['x', '1', '✓', '✔', '√', 'v', 'co', 'yes', 'true', 'dung', '+']);
const MARK_FALSE = new Set(['0', 'khong', 'no', 'false', '-', 'k']);

/** A tick in a mark column: x, X, 1, ✓, có … → true; blank, 0, không → false; anything else → not a mark. */
const MARKED: Parsed<boolean> = { ok: true, value: true };
const UNMARKED: Parsed<boolean> = { ok: true, value: false };

/** `foldText` is fold or a remembering fold (CheckMemory.fold): the same answers. */
export function parseMark(v: CellValue | undefined, foldText: (text: string) => string = fold): Parsed<boolean> {
  if (v === null || v === undefined || v === '') return UNMARKED;
  if (v === 'x' || v === 'X') return MARKED;
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 ? ok(true) : v === 0 ? ok(false) : FAIL;
  if (typeof v !== 'string') return FAIL;
  const f = foldText(v);
  if (f === '') return ok(false);
  if (MARK_TRUE.has(f)) return ok(true);
  if (MARK_FALSE.has(f)) return ok(false);
  return FAIL;
}

/** Cell text as the officer sees it (numbers without exponent, dates as dd/mm/yyyy). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isCellDate(v)) {
    const [y, m, d] = v.date.split('-');
    return `${d}/${m}/${y}`;
  }
  if (isCellError(v)) return v.error;
  return '';
}

/** A JSON-safe value for an issue. */
export function issueValue(v: CellValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (isCellDate(v)) return v.date;
  return v.error;
}

/** Whole years between two ISO dates (age at a date). */
export function wholeYearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}
