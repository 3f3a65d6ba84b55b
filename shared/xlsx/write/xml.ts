/** XML text for the workbook's parts: escaped, and stripped of what XML 1.0 forbids. */

// C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; surrogates without their pair.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Text that `cellTextXml` would change (given it is within Excel's length). */
export const NEEDS_ESCAPE = NEEDS_WORK;
// Excel reads "_xHHHH_" in a string as an escaped character; a literal one is written with its "_" escaped.
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MARKUP = /[&<>"]/g;

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

export function stripIllegal(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Text for an attribute value or element content. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripIllegal(text).replace(MARKUP, (c) => ESCAPES[c] ?? c);
}

/** Text of a cell (`<t>`): as `escapeXml`, with Excel's own `_xHHHH_` escape kept literal, capped at Excel's length. */
export function cellTextXml(text: string): string {
  let t = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  if (!NEEDS_WORK.test(t)) return t;
  t = stripIllegal(t).replace(EXCEL_ESCAPE, '_x005F_$1');
  return t.replace(MARKUP, (c) => ESCAPES[c] ?? c);
}

/** A sheet name inside a formula or defined name: always quoted, quotes doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
