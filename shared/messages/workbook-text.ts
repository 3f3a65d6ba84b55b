import type { HouseholdCategory } from '../plans/plan.ts';
import { FIELD_LABELS } from './issue-text.ts';

/**
 * The words the merged workbook writes into the kinds' sheets (shared/kinds/<kind>/sheet.ts):
 * Vietnamese only, the workbook is a document for officers. The rest of the workbook's text is in
 * worker/workbook/labels.ts.
 */

export const CATEGORY_NAMES: Readonly<Record<HouseholdCategory, string>> = {
  poor: 'Hộ nghèo',
  nearPoor: 'Hộ cận nghèo',
  newlyEscaped: 'Hộ mới thoát nghèo',
};

export const GENDER_NAMES = { male: 'Nam', female: 'Nữ' } as const;

export const COMMUNE = 'Xã';

/** A record field's header, as the officers' sheets name it. */
export function fieldHeader(field: string): string {
  return FIELD_LABELS[field]?.vi ?? field;
}
