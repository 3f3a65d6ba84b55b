import { fold } from '../text/normalize.ts';

/** A header label made comparable: folded, parentheses, a leading column number ("1. Việc làm") and trailing marks dropped. */
export function normalizeLabel(text: string): string {
  return fold(text)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[*:.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d{1,2}\s*[.)-]\s*(?=[a-z])/, '');
}

/**
 * The letters and digits a normalized label starts with. An alias can only match (labelScore > 0)
 * a label that starts with the same run: the alias is the label, or its prefix ending where the
 * label's next character is no letter or digit.
 */
export function leadOf(label: string): string {
  let i = 0;
  while (i < label.length) {
    const ch = label.charCodeAt(i);
    if (!((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57))) break;
    i++;
  }
  return label.slice(0, i);
}

const WORD_CHAR = /[a-z0-9]/;

/** How well a label matches an alias: exact beats a prefix that ends at a word boundary; 0 is no match. */
export function labelScore(label: string, alias: string): number {
  if (label === '' || alias === '') return 0;
  if (label === alias) return 100 + alias.length;
  if (label.startsWith(alias) && !WORD_CHAR.test(label.charAt(alias.length))) return 50 + alias.length;
  return 0;
}

/** Money unit stated in a header label: factor to đồng, or null ("Huy động" is not a unit). */
export function moneyUnit(text: string): number | null {
  const f = fold(text);
  if (/trieu dong|trieu d\b|\btr\.? ?dong/.test(f)) return 1_000_000;
  if (/nghin dong|ngan dong|1\.?000 dong|nghin d\b/.test(f)) return 1_000;
  const inParens = (f.match(/\(([^)]*)\)/g) ?? []).join(' ');
  if (/(^|[^a-z])(?<!huy )dong\b/.test(inParens)) return 1;
  return null;
}

/** The unit on a "ĐVT: …" / "Đơn vị tính: …" line, or null. */
export function statedUnit(text: string): number | null {
  const f = fold(text);
  const m = /(?:dvt|don vi tinh)[^:]*:\s*(.*)$/.exec(f);
  return m ? moneyUnit(`(${m[1] ?? ''})`) : null;
}
