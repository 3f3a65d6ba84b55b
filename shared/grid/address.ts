/** Excel column letters ↔ 1-based column numbers, and A1 addresses. */
export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseAddress(a1: string): { row: number; column: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a1);
  if (!m) throw new RangeError(`not an A1 address: ${a1}`);
  return { row: Number(m[2]), column: columnNumber(m[1] as string) };
}

export function parseRange(range: string): CellRange {
  const [a, b = a] = range.split(':') as [string, string?];
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}
