/** The household list's rules: one check per file under households/, run in turn by checkHouseholds. */
export { checkHouseholds } from './households/check-households.ts';
export type { HouseholdRecord } from './households/record.ts';
export { villageIndex } from './households/village-index.ts';
