import * as z from 'zod';

/** The three kinds of table officers keep and submit (SPEC section 3): each is stored, merged and reported on. */
export const SheetKind = z.enum(['households', 'beneficiaries', 'progress']);
export type SheetKind = z.infer<typeof SheetKind>;

/**
 * Every kind of table the engine reads: the three above, and the commune's summary forms (Tổng hợp
 * kết quả rà soát; the deprivation counts). A summary is a kind of its own, not a layout of the
 * household list, because its rows are villages (or communes) and its cells are counts: no household
 * rule applies to it. It is checked (its own totals and rates, and against the household list in the
 * same workbook) but never stored or merged: the district's summary is made from the lists, so a
 * stored copy would only be a second, possibly different, set of the same figures.
 */
export const TableKind = z.enum([...SheetKind.options, 'summary']);
export type TableKind = z.infer<typeof TableKind>;

/** The kind is one that is stored with a submission. */
export function isSheetKind(kind: TableKind): kind is SheetKind {
  return kind !== 'summary';
}
