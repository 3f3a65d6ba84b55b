import { fold } from '../text/normalize.ts';
import type { Period } from '../periods.ts';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The period a title names: "QUÝ II NĂM 2024", "6 THÁNG ĐẦU NĂM 2024", "NĂM 2024" (SPEC section 3). */
export function periodFromTitle(lines: readonly string[]): Period | null {
  const texts = lines.map(fold);
  for (const t of texts) {
    const q = /\bquy\s+(iv|i{1,3}|[1-4])\b.*?\bnam\s+(\d{4})\b/.exec(t);
    if (q) return `${q[2]}-Q${ROMAN[q[1] as string]}`;
  }
  for (const t of texts) {
    const h = /\b(?:6|sau)\s+thang\s+(?:dau\s+)?nam\s+(\d{4})\b/.exec(t);
    if (h) return `${h[1]}-H1`;
  }
  for (const t of texts) {
    const y = /\bnam\s+(\d{4})\b/.exec(t);
    if (y) return `${y[1]}-Y`;
  }
  return null;
}
