import { textLookup } from '../../front/text-table.ts';
import type { Lang } from '../../shared/messages.ts';
import { pageKindName, pagePeriodName } from '../../shared/messages/names.ts';
import type { PeriodPart } from '../../shared/periods.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import commonText from '../common/common-text.json' with { type: 'json' };
import districtText from './district-text.json' with { type: 'json' };

/**
 * The district page's words, Vietnamese first, in district-text.json (a translator's file: one entry
 * per key, `vi` and `en`; the only catalogue of the page's text), with the words both pages share
 * (web/common/common-text.json). Issue messages come from shared/messages.ts, so a warning reads the
 * same here as in the task pane.
 */
const UI = { ...commonText, ...districtText };

export type TextKey = keyof typeof UI;

const text = textLookup(UI);

let current: Lang = 'vi';

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

export function t(key: TextKey): string {
  return text(key, current);
}

/** The kinds' and periods' names are in the one catalogue (shared/messages/names.ts). */
export function kindName(kind: SheetKind): string {
  return pageKindName(kind, current);
}

/** "Quý III/2026", "6 tháng đầu năm 2024", "Cả năm 2024". */
export function periodName(part: PeriodPart, year: number): string {
  return pagePeriodName(part, year, current);
}
