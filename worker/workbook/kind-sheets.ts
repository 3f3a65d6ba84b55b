/** The per-kind sheets of the merged workbook live with their kinds (shared/kinds/<kind>/sheet.ts); here for the writer's benchmark. */
export type { KindSheet, RowContext } from '../../shared/kinds/kind.ts';
export { HOUSEHOLD_SHEET } from '../../shared/kinds/households/sheet.ts';
export { BENEFICIARY_SHEET } from '../../shared/kinds/beneficiaries/sheet.ts';
export { PROGRESS_SHEET } from '../../shared/kinds/progress/sheet.ts';
