import { HouseholdCategory } from '../../plans/plan.ts';
import type { HouseholdRecord } from '../../rules/households.ts';
import { recordShape } from '../record-shape.ts';

const category = { oneOf: HouseholdCategory.options, nullable: true } as const;

/** A household as stored with a submission (HouseholdRecord of shared/rules/households.ts). */
export const HOUSEHOLD_RECORD = recordShape<HouseholdRecord>({
  sheet: 'text',
  row: 'int',
  householdCode: 'text?',
  headName: 'text?',
  headBirthYear: 'number?',
  headGender: { oneOf: ['male', 'female'], nullable: true },
  idNumber: 'text?',
  ethnicity: 'text?',
  village: 'text?',
  planVillage: 'text?',
  size: 'number?',
  category,
  beginningCategory: category,
  income: 'number?',
  b1Score: 'number?',
  b2Score: 'number?',
  deprivations: 'texts?',
  deprivationCount: 'number?',
  meritFamily: 'flag',
  noWorkCapacity: 'flag',
  escapedYear: 'number?',
  reasons: 'texts',
});
