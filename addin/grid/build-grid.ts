import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { address, parseRange } from '../../shared/grid/address.ts';
import { numberCell, unusualFonts } from '../../shared/xlsx/cell-format.ts';

/**
 * Builds, from what Excel returns for a sheet, exactly the Grid that shared/xlsx/parse-xlsx.ts
 * builds from the saved file (the cell rules of both are shared/xlsx/cell-format.ts) — so the pane, the CLI and the API validate the same input.
 * Pure: the Excel calls live in ../excel/read-workbook.ts.
 */

/** One rectangle of cells as Range.values / numberFormat / valueTypes return it. */
export interface CellBlock {
  /** 1-based Excel row and column of the block's first cell. */
  top: number;
  left: number;
  values: readonly (readonly unknown[])[];
  numberFormat: readonly (readonly unknown[])[];
  valueTypes: readonly (readonly unknown[])[];
  /** Per row of the block: the font name when the whole row has one font, else null (getRowProperties). */
  rowFonts: readonly (string | null)[];
}

/** One cell as the Grid holds it: empty → null, error → {error}, a number under a date format → {date}. */
export function toCellValue(value: unknown, valueType: unknown, numberFormat: unknown): CellValue {
  if (valueType === 'Empty' || value === null || value === undefined || value === '') return null;
  if (valueType === 'Error') return { error: String(value) };
  if (typeof value === 'number') return numberCell(value, typeof numberFormat === 'string' ? numberFormat : undefined);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

export class GridBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly numFmts: Record<string, string> = {};
  /** Excel row → its one font, or the fonts of its cells (index = column − 1) once fetched. */
  private readonly fontsByRow = new Map<number, string | (string | null)[]>();
  /** Rows with values whose cells have more than one font: their fonts are fetched per cell. */
  private readonly mixed = new Map<number, { first: number; last: number }>();

  constructor(readonly name: string) {}

  addBlock(block: CellBlock): void {
    block.values.forEach((rowValues, i) => {
      const row = block.top + i;
      const formats = block.numberFormat[i] ?? [];
      const types = block.valueTypes[i] ?? [];
      const out: CellValue[] = [];
      let first = 0;
      rowValues.forEach((raw, j) => {
        const v = toCellValue(raw, types[j], formats[j]);
        if (v === null) return;
        const col = block.left + j;
        while (out.length < col - 1) out.push(null);
        out[col - 1] = v;
        if (first === 0) first = col;
        const format = formats[j];
        if (typeof format === 'string' && format !== 'General') this.numFmts[address(row, col)] = format;
      });
      if (out.length === 0) return;
      this.rows[row - 1] = out;
      const font = block.rowFonts[i] ?? null;
      if (font !== null) this.fontsByRow.set(row, font);
      else this.mixed.set(row, { first, last: out.length });
    });
  }

  /** Rows holding values whose fonts differ cell by cell, with the span of their values (1-based columns). */
  rowsNeedingCellFonts(): { row: number; first: number; last: number }[] {
    return [...this.mixed].map(([row, span]) => ({ row, ...span }));
  }

  /** The fonts of one mixed row, for columns first..first+fonts.length−1. */
  setCellFonts(row: number, first: number, fonts: readonly (string | null)[]): void {
    const byColumn: (string | null)[] = [];
    fonts.forEach((f, k) => {
      byColumn[first - 1 + k] = f;
    });
    this.fontsByRow.set(row, byColumn);
    this.mixed.delete(row);
  }

  /**
   * The grid. Like the xlsx reader: rows run to the last row with a value or a merged area,
   * each row to its last value; number formats of non-empty cells that are not General; font
   * names of non-empty cells where they differ from the font most cells use.
   */
  build(merges: readonly string[]): { grid: Grid; usualFont: string | null } {
    let length = this.rows.length;
    for (const m of merges) length = Math.max(length, parseRange(m).bottom);
    const rows: CellValue[][] = [];
    for (let i = 0; i < length; i++) rows.push(this.rows[i] ?? []);

    const fontOf = (row: number, col: number): string | null => {
      const f = this.fontsByRow.get(row);
      if (f === undefined) return null;
      return typeof f === 'string' ? f : (f[col - 1] ?? null);
    };
    const cellFonts: [string, string][] = [];
    rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        if (v === null) return;
        const f = fontOf(i + 1, j + 1);
        if (f) cellFonts.push([address(i + 1, j + 1), f]);
      }),
    );
    const { fonts, usual } = unusualFonts(cellFonts);
    return { grid: { name: this.name, rows, merges: [...merges], numFmts: this.numFmts, fonts }, usualFont: usual };
  }
}
