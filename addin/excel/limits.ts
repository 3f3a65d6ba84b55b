/**
 * Excel on the web refuses a request or a response over 5 MB (RichAPI.Error); a range read is
 * also limited to 5,000,000 cells. Every batch here is sized from an estimate to stay well under.
 */
/** What one sync may carry by our estimate: under half the 5 MB limit, so a wrong guess still fits. */
export const SYNC_BUDGET_BYTES = 2_000_000;

/** Cells per read block (Range.values + numberFormat + valueTypes of one rectangle). */
export const BLOCK_CELLS = 20_000;

/**
 * Bytes per cell assumed for the first read, before any text has been seen: a short value, a
 * number format and a value type, JSON-encoded. Later reads use what was measured.
 */
export const FIRST_GUESS_BYTES_PER_CELL = 48;

/** Safety factor on measured bytes per cell (a later block may hold longer text). */
export const MEASURED_MARGIN = 1.5;

/** Per-cell cost estimates for the other batches (properties, notes, writes), JSON-encoded. */
export const CELL_FONT_BYTES = 64;
export const MARK_READ_BYTES_PER_CELL = 400;
export const MARK_WRITE_BYTES_PER_CELL = 400;

/** Group items into batches whose estimated bytes stay within the budget (at least one item each). */
export function batchesByBudget<T>(items: readonly T[], bytesOf: (item: T) => number, budget = SYNC_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length > 0 && size + b > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
