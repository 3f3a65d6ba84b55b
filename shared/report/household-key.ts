import type { HouseholdRecord } from '../rules/households.ts';
import { fold, foldName } from '../text/normalize.ts';

/** An ID number as compared across lists: its digits and letters, nothing else. */
export function idKey(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  const key = idNumber.replace(/[^0-9A-Za-z]/g, '');
  return key === '' ? null : key;
}

/** `idNumberKey` of an ID number with no digit or letter (idKey null). */
export const NO_ID = 0;
/** `idNumberKey` of an ID number with letters or over 15 digits: compare its idKey string. */
export const TEXT_ID = -1;

/**
 * idKey as a number, read from the ID number in place (no string made): 1 followed by its digits
 * (leading zeros count) when idKey is 1–15 digits, exact below 2^53; else NO_ID or TEXT_ID. Two ID
 * numbers with numeric keys have the same idKey exactly when the keys are equal.
 */
export function idNumberKey(idNumber: string | null): number {
  if (idNumber === null) return NO_ID;
  let key = 1;
  let digits = 0;
  for (let i = 0; i < idNumber.length; i++) {
    const c = idNumber.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 15) return TEXT_ID;
      key = key * 10 + (c - 48);
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return TEXT_ID;
  }
  return digits === 0 ? NO_ID : key;
}

/**
 * Head name + village, folded the way officers' spellings compare ("Thôn 01" = "thon 1"); a
 * village with a number is keyed by the number alone.
 */
export function headVillageKey(h: Pick<HouseholdRecord, 'headName' | 'village' | 'planVillage'>): string | null {
  const village = h.planVillage ?? h.village;
  if (!h.headName || !village) return null;
  const v = foldName(village);
  const n = /(\d+)$/.exec(v);
  return `${foldName(h.headName)}|${n ? n[1] : v}`;
}

/** Ethnicity present and not Kinh (người Kinh, "Việt"): a household of an ethnic minority (dân tộc thiểu số). */
export function isEthnicMinority(ethnicity: string | null): boolean | null {
  if (ethnicity === null) return null;
  const e = fold(ethnicity).replace(/^dan toc\s*/, '').trim();
  if (e === '') return null;
  return !(/^kinh\b/.test(e) || e === 'viet');
}
