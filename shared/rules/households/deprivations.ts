import { indicatorBits } from '../household-layout.ts';
import { readMarks, readNumber, UNREADABLE_MARK } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** How many of the twelve indicator bits are set, by table (a loop over random marks mispredicts). */
const BIT_COUNTS: Uint8Array = (() => {
  const counts = new Uint8Array(1 << 12);
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b >> 1] as number) + (b & 1);
  return counts;
})();

function bitCount(bits: number): number {
  return (BIT_COUNTS[bits & 0xfff] as number) + (BIT_COUNTS[(bits >>> 12) & 0xf] as number);
}

/**
 * The deprivations and HH.DEPRIVATION_COUNT: the marks counted where the sheet has indicator
 * columns (or one column listing them), else the stated total.
 */
export function checkDeprivations(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  let deprivationBits = -1;
  if (s.hasIndicators) {
    const bits = readMarks(cells, s.indicators);
    if ((bits & UNREADABLE_MARK) === 0) deprivationBits = bits;
  } else if (s.indicatorList) {
    const v = cells.raw(F.deprivationList);
    if (v === null) deprivationBits = 0;
    else if (v !== undefined) {
      const bits = indicatorBits(v, s.memory.fold);
      if (bits === null) cells.typeError(F.deprivationList, 'indicatorList');
      else deprivationBits = bits;
    }
  }
  const stated = F.deprivationCount.col > 0 ? readNumber(cells, F.deprivationCount, 'integer') : null;
  const statedUsable = stated !== null && Number.isInteger(stated) && stated >= 0;
  if (stated !== null && !statedUsable) cells.typeError(F.deprivationCount, 'integer');
  const marked = deprivationBits < 0 ? null : bitCount(deprivationBits);
  if (marked !== null && statedUsable && stated !== marked) {
    cells.issue('HH.DEPRIVATION_COUNT', F.deprivationCount, { expected: marked });
  }
  h.deprivationBits = deprivationBits;
  h.deprivationCount = marked ?? (statedUsable ? stated : null);
}

/**
 * HH.B2_MISMATCH: B2 is the pack's points per deprivation. With no marks and no stated count, the
 * count is taken from B2.
 */
export function checkB2Score(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F, pack } = s;
  const { b2Score, deprivationCount } = h;
  if (b2Score === null) return;
  if (deprivationCount !== null && b2Score !== deprivationCount * pack.b2PointsPerIndicator) {
    cells.issue('HH.B2_MISMATCH', F.b2Score, { expected: deprivationCount * pack.b2PointsPerIndicator });
  }
  if (deprivationCount === null && !(s.hasIndicators || s.indicatorList) && cells.blank(F.deprivationCount)) {
    h.deprivationCount = Math.floor(b2Score / pack.b2PointsPerIndicator);
  }
}
