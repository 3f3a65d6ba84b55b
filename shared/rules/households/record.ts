import type { HouseholdCategory } from '../../plans/plan.ts';
import type { Gender } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** One household as the engine understood it; the merge and the cross-sheet checks read these. */
export interface HouseholdRecord {
  sheet: string;
  row: number;
  householdCode: string | null;
  headName: string | null;
  headBirthYear: number | null;
  headGender: Gender | null;
  idNumber: string | null;
  ethnicity: string | null;
  village: string | null;
  /** The plan's spelling of the village when it matched. */
  planVillage: string | null;
  size: number | null;
  category: HouseholdCategory | null;
  beginningCategory: HouseholdCategory | null;
  income: number | null;
  b1Score: number | null;
  b2Score: number | null;
  /** Indicator ids marked (D01…D12) where the sheet has indicator columns (shared, read-only). */
  deprivations: readonly string[] | null;
  deprivationCount: number | null;
  meritFamily: boolean;
  noWorkCapacity: boolean;
  escapedYear: number | null;
  /** Poverty reasons marked (shared, read-only). */
  reasons: readonly string[];
}

/** The record of a head's row, once every check has run on it. */
export function householdRecord(s: HouseholdSheet, h: HouseholdRow): HouseholdRecord {
  return {
    sheet: s.table.grid.name,
    row: h.row,
    householdCode: h.householdCode,
    headName: h.headName,
    headBirthYear: h.birth?.year ?? null,
    headGender: h.gender,
    idNumber: h.idNumber,
    ethnicity: h.ethnicity,
    village: h.village,
    planVillage: h.planVillage,
    size: h.size,
    category: h.categoryKnown ? h.category : null,
    beginningCategory: h.beginningCategory,
    income: h.income,
    b1Score: h.b1Score,
    b2Score: h.b2Score,
    deprivations: h.deprivationBits < 0 ? null : s.indicatorSets.of(h.deprivationBits),
    deprivationCount: h.deprivationCount,
    meritFamily: h.meritFamily,
    noWorkCapacity: h.noWorkCapacity,
    escapedYear: h.escapedYear,
    reasons: s.reasonSets.of(h.reasonsMarked),
  };
}
