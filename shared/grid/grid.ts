import * as z from 'zod';
import { TableKind } from '../sheet-kind.ts';

/**
 * What the engine reads (SPEC section 4). The xlsx reader, the add-in and the API all produce or
 * accept exactly this, so every part validates the same input the same way.
 */
export const CellDate = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export const CellError = z.object({ error: z.string().regex(/^#/) });
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), CellDate, CellError]);
export type CellValue = z.infer<typeof CellValue>;
export type CellDate = z.infer<typeof CellDate>;
export type CellError = z.infer<typeof CellError>;

export const Grid = z.object({
  /** The sheet's name as the workbook shows it. */
  name: z.string().min(1).max(255),
  /** rows[0] is Excel row 1; rows[r][0] is column A. Ragged; missing cells are empty. */
  rows: z.array(z.array(CellValue)),
  /** Merged areas as A1 ranges ("C7:D7"). Only the top-left cell of an area holds the value. */
  merges: z.array(z.string().regex(/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/)).default([]),
  /** Number formats by address, where a reader knows them and they are not General. */
  numFmts: z.record(z.string(), z.string()).optional(),
  /** Font names by address, where a reader knows them and they differ from the sheet's usual font. */
  fonts: z.record(z.string(), z.string()).optional(),
});
export type Grid = z.infer<typeof Grid>;
export type GridInput = z.input<typeof Grid>;

/** A saved column mapping: which column holds each field, and where the header is. */
export const ColumnMapping = z.object({
  kind: TableKind.optional(),
  headerRow: z.number().int().positive(),
  /** Rows the header spans (1 or 2). */
  headerRows: z.number().int().min(1).max(3).optional(),
  columns: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}$/)),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export function isCellDate(v: CellValue | undefined): v is CellDate {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function isBlank(v: CellValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v !== 'string') return false;
  if (v.length === 0) return true;
  // Most text starts with a letter or digit: no need to trim it to know it is not blank.
  const first = v.charCodeAt(0);
  return first <= 0x20 || first >= 0x7f ? v.trim() === '' : false;
}
