import type { HouseholdCategory } from '../plans/plan.ts';
import { fold } from '../text/normalize.ts';
import categoryData from './category-aliases.json' with { type: 'json' };

const CATEGORY_ALIASES = new Map<string, HouseholdCategory>();
for (const [category, aliases] of Object.entries(categoryData) as [HouseholdCategory, string[]][])
  for (const a of aliases) CATEGORY_ALIASES.set(fold(a), category);

/** "Hộ nghèo", "N", "CN", "MTN", "Hộ cận nghèo" … → the category; null when not recognised (CheckMemory.category remembers it). */
export function categoryOf(text: string): HouseholdCategory | null {
  return CATEGORY_ALIASES.get(fold(text).replace(/[.:]+$/, '')) ?? null;
}
