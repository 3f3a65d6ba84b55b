import { textLookup } from '../../front/text-table.ts';
import type { Lang } from '../../shared/messages.ts';
import paneText from './pane-text.json' with { type: 'json' };
import failureTexts from './failure-text.json' with { type: 'json' };

/**
 * The task pane's own words, Vietnamese first, in pane-text.json (a translator's file: one entry per
 * key, `vi` and `en`). Issue messages come from shared/messages.ts; this catalogue holds only what the
 * pane itself says (buttons, notes, errors of the pane).
 */
export type UiKey = keyof typeof paneText;

export const t = textLookup(paneText);

/** "1,2 MB", "830 KB". */
export function sizeText(bytes: number, lang: Lang): string {
  const comma = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  if (bytes >= 1024 * 1024) return `${comma(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What a failed button says, in failure-text.json: the pane's own failures by code, Office's by its error code. */
export type FailureCode = keyof typeof failureTexts;

export function failureText(code: FailureCode, lang: Lang): string {
  return failureTexts[code][lang];
}
