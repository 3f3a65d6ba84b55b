import type { HouseholdCategory } from '../../plans/plan.ts';
import { readMark, readText } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** "Hộ không nghèo": a known value, but no household of a list to submit. */
const NOT_TARGET = /\bkhong (thuoc dien )?ngheo\b/;

/** The category and HH.CATEGORY_UNKNOWN: one column of words, or one mark column per category. */
export function checkCategory(s: HouseholdSheet, h: HouseholdRow): void {
  h.categoryText = null;
  h.category = null;
  h.categoryKnown = false;
  if (s.categoryByMarks) categoryByMarks(s, h);
  else categoryByText(s, h);
}

/** Exactly one of the category's mark columns is marked. */
function categoryByMarks(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, categoryMarks } = s;
  const marked: HouseholdCategory[] = [];
  let unreadable = false;
  for (let k = 0; k < categoryMarks.length; k++) {
    const m = categoryMarks[k] as (typeof categoryMarks)[number];
    const mark = readMark(cells, m.ref);
    if (mark === null) unreadable = true;
    else if (mark) marked.push(m.category);
  }
  if (unreadable) return;
  if (marked.length === 1) {
    h.category = marked[0] as HouseholdCategory;
    h.categoryKnown = true;
  } else {
    s.report.add({
      code: 'HH.CATEGORY_UNKNOWN',
      row: h.row,
      column: null,
      field: 'category',
      value: marked.length === 0 ? null : marked.join(', '),
      params: { marked: marked.length },
    });
  }
}

/** The category column's words; with no column, the title's category ("DANH SÁCH HỘ THOÁT NGHÈO …"). */
function categoryByText(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F, memory } = s;
  const text = F.category.col > 0 ? readText(cells, F.category) : null;
  h.categoryText = text;
  if (text !== null) {
    h.category = memory.category(text);
    if (h.category) h.categoryKnown = true;
    else if (NOT_TARGET.test(memory.foldName(text))) cells.issue('HH.CATEGORY_UNKNOWN', F.category, { params: { notTarget: true } });
    else cells.issue('HH.CATEGORY_UNKNOWN', F.category);
  } else if (F.category.col === 0 && s.layout.titleCategory) {
    h.category = s.layout.titleCategory;
    h.categoryKnown = true;
  }
}

/** The category at the beginning of the period, where the sheet gives it (no check of its own). */
export function readBeginningCategory(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  const text = F.beginningCategory.col > 0 ? readText(cells, F.beginningCategory) : null;
  h.beginningCategory = text === null ? null : s.memory.category(text);
}
