import type { Issue } from '../shared/issues.ts';
import { type LegacyEncoding, legacyToUnicode } from '../shared/text/legacy-encoding.ts';

/**
 * The two fixes the officer may ask for ("Sửa"), as data: legacy text to Unicode, and an ID
 * whose leading 0 Excel dropped. Nothing is ever written unless the officer presses the button.
 */
export type Fix =
  /** Write the Unicode text; switch the cell off a legacy font (else Unicode shows garbled). */
  | { kind: 'unicode'; text: string; font: string | null }
  /** Format the cell as text ("@") and write the 12 digits. */
  | { kind: 'id'; text: string };

/** .VnTime, .VnArial, .VnTimeH … (TCVN3); VNI-Times, VNI-Helve … (VNI). */
function isLegacyFont(font: string | null): boolean {
  return font !== null && (/^\.vn/i.test(font.trim()) || /^vni[-_ ]/i.test(font.trim()));
}

const UNICODE_FALLBACK_FONT = 'Times New Roman';

/** The fix an issue offers, or null. `usualFont` is the font most cells of its sheet use. */
export function fixFor(issue: Issue, usualFont: string | null): Fix | null {
  if (issue.row === null || issue.column === null) return null;
  if (issue.code === 'CELL.LEGACY_ENCODING' && typeof issue.value === 'string') {
    const encoding = issue.params?.encoding;
    if (encoding !== 'tcvn3' && encoding !== 'vni') return null;
    const cellFont = typeof issue.params?.font === 'string' ? issue.params.font : usualFont;
    let text = legacyToUnicode(issue.value, encoding satisfies LegacyEncoding);
    // An all-capitals TCVN3 font (.VnTimeH) showed lowercase codes as capitals.
    if (cellFont !== null && /^\.vn\w*h$/i.test(cellFont.trim())) text = text.toUpperCase();
    const font = isLegacyFont(cellFont) ? (usualFont !== null && !isLegacyFont(usualFont) ? usualFont : UNICODE_FALLBACK_FONT) : null;
    return { kind: 'unicode', text, font };
  }
  if (issue.code === 'ID.FORMAT' && issue.params?.leadingZeroLost === true && typeof issue.expected === 'string') {
    return { kind: 'id', text: issue.expected };
  }
  return null;
}
