import ExcelJS from 'exceljs';
import type { Grid } from '../shared/grid/grid.ts';
import { isCellDate, isCellError } from '../shared/grid/grid.ts';
import { address } from '../shared/grid/address.ts';

/**
 * Grids → an .xlsx written by exceljs (an independent writer): values, merged areas, number formats
 * and fonts. Tests and the bench use it to put a generated sheet into a real file; `createdAt` fixes
 * the workbook's properties (scripts/official-fixtures.ts writes the same file on every run).
 */
export async function gridsToXlsx(grids: readonly Grid[], options: { createdAt?: Date } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (options.createdAt) {
    wb.created = options.createdAt;
    wb.modified = options.createdAt;
  }
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.rows.forEach((cells, r) => {
      if (cells.length === 0) return;
      const row = ws.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v === null) return;
        const cell = row.getCell(c + 1);
        const a = address(r + 1, c + 1);
        if (isCellDate(v)) {
          cell.value = new Date(`${v.date}T00:00:00Z`);
          cell.numFmt = grid.numFmts?.[a] ?? 'dd/mm/yyyy';
        } else if (isCellError(v)) cell.value = { error: v.error as ExcelJS.CellErrorValue['error'] };
        else {
          cell.value = v;
          const fmt = grid.numFmts?.[a];
          if (fmt) cell.numFmt = fmt;
        }
        const font = grid.fonts?.[a];
        if (font) cell.font = { name: font };
      });
      row.commit();
    });
    for (const m of grid.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
