import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { GridCells, numberCell } from '../../shared/xlsx/grid-core.ts';

/**
 * Builds, from what Excel returns for a sheet, exactly the Grid that shared/xlsx/parse-xlsx.ts
 * builds from the saved file: both go through shared/xlsx/grid-core.ts, so the pane, the CLI and
 * the API validate the same input. What is Excel's own here: its value types, and the fonts, which
 * come by row (or cell by cell for a row of mixed fonts) after the values.
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
  private readonly cells = new GridCells();
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
      let first = 0;
      let last = 0;
      rowValues.forEach((raw, j) => {
        const v = toCellValue(raw, types[j], formats[j]);
        if (v === null) return;
        const col = block.left + j;
        const format = formats[j];
        this.cells.set(row, col, v, typeof format === 'string' ? format : undefined);
        if (first === 0) first = col;
        last = col;
      });
      if (last === 0) return;
      const font = block.rowFonts[i] ?? null;
      if (font !== null) this.fontsByRow.set(row, font);
      else this.mixed.set(row, { first, last });
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

  /** The grid, as the xlsx reader makes it (grid-core.ts), with the fonts known by now. */
  build(merges: readonly string[]): { grid: Grid; usualFont: string | null } {
    return this.cells.build(this.name, merges, (row, col) => {
      const f = this.fontsByRow.get(row);
      if (f === undefined) return null;
      return typeof f === 'string' ? f : (f[col - 1] ?? null);
    });
  }
}
