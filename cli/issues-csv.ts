import type { Column } from '../shared/xlsx/write/sheet-xml.ts';
import type { IssueCell } from './issues-file.ts';

/** Text Excel would run as a formula (or DDE) when it opens the file: "=HYPERLINK(…)", "+1", "@SUM". */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(v: IssueCell): string {
  if (v === null) return '';
  // A number is written by us, never a formula: -1500000 stays a number.
  if (typeof v === 'number') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 with CRLF, UTF-8 with a byte-order mark: without it Excel reads the file in the
 * machine's ANSI code page and Vietnamese comes out garbled.
 */
export function issuesCsv(columns: readonly Column[], rows: readonly IssueCell[][]): string {
  const lines = [columns.map((c) => field(c.header)), ...rows.map((r) => r.map(field))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
