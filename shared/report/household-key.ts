import type { HouseholdRecord } from '../rules/households.ts';
import { fold, foldName } from '../text/normalize.ts';

/** An ID number as compared across lists: its digits and letters, nothing else. */
export function idKey(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  const key = idNumber.replace(/[^0-9A-Za-z]/g, '');
  return key === '' ? null : key;
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
