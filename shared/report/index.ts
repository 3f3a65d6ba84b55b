export { type CommuneInfo, CommuneTally, REPORT_KINDS } from './commune-tally.ts';
export { DistrictTally } from './district-tally.ts';
export { headVillageKey, idKey, isEthnicMinority } from './household-key.ts';
export * from './figures.ts';
export { deprivationTotal, type OfficialList, officialListOf } from './official-forms.ts';
