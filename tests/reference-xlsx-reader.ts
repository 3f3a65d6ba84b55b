import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../shared/grid/grid.ts';
import { address } from '../shared/grid/address.ts';

/**
 * The .xlsx reader GNBV used before its own (shared/xlsx/parse-xlsx.ts), kept for the tests: the
 * product's reader must give exactly these grids on every workbook the tests have.
 */

function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in v && typeof (v as ExcelJS.CellHyperlinkValue).text === 'string') {
      return (v as ExcelJS.CellHyperlinkValue).text;
    }
  }
  return null;
}

/** One worksheet → the grid: values from merge masters only, merged areas, formats and unusual fonts. */
function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const numFmts: Record<string, string> = {};
  const fontCounts = new Map<string, number>();
  const fontOf: [string, string][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = toCellValue(cell.value);
      if (v === null) return;
      while (out.length < c - 1) out.push(null);
      out[c - 1] = v;
      const a = address(r, c);
      if (cell.numFmt && cell.numFmt !== 'General') numFmts[a] = cell.numFmt;
      const font = cell.font?.name;
      if (font) {
        fontCounts.set(font, (fontCounts.get(font) ?? 0) + 1);
        fontOf.push([a, font]);
      }
    });
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  let usual = '';
  let most = -1;
  for (const [font, n] of fontCounts) if (n > most) [usual, most] = [font, n];
  const fonts: Record<string, string> = {};
  for (const [a, font] of fontOf) if (font !== usual) fonts[a] = font;
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((m) => /^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/.test(m));
  return { name: ws.name, rows, merges, numFmts, fonts };
}

/** The grids exceljs reads from an .xlsx: the reference the product's reader is held to. */
export async function readXlsxWithExceljs(bytes: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(worksheetToGrid);
}
