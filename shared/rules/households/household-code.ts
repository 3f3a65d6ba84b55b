import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** HH.CODE_DUPLICATE: a household code seen on a row before (folded). Keeps the codes seen, so one per sheet. */
export class HouseholdCodes {
  private readonly seen = new Map<string, number>();

  constructor(private readonly s: HouseholdSheet) {}

  check(h: HouseholdRow): void {
    if (h.householdCode === null) return;
    const key = this.s.memory.foldName(h.householdCode);
    const first = this.seen.get(key);
    if (first !== undefined) this.s.cells.issue('HH.CODE_DUPLICATE', this.s.F.householdCode, { params: { firstRow: first } });
    else this.seen.set(key, h.row);
  }
}
