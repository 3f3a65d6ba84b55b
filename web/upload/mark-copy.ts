import type ExcelJS from 'exceljs';
import { type CellTarget, MARK_FILL, markNoteText, markTargets } from '../../front/cell-marks.ts';
import { combineTargets } from '../../front/review-comments.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { isCellDate, isCellError } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { lateModule } from '../common/late-module.ts';

/** exceljs, fetched when the officer first asks for a copy (a chunk of its own); asked again after a failed fetch. */
const loadExcelJs = lateModule('node_modules/exceljs/dist/exceljs.min.js', () => import('exceljs'));

/**
 * A COPY of the officer's workbook with every issue cell marked the way the add-in marks it:
 * Excel's light red (error) or yellow (warning) fill and a note "GNBV: message" after any note the
 * cell already had; a cell the district commented on is light blue with its comment. The copy is loaded from the original bytes and only the issue cells' fill and
 * note change; the officer's file itself is never touched (the browser cannot write it anyway).
 */
export async function markedCopy(
  file: { bytes: Uint8Array; format: string; grids: readonly Grid[] },
  issues: readonly Issue[],
  /** The cells the district commented on (front/review-comments.ts): their own colour, the comment as note. */
  reviewTargets: readonly CellTarget[] = [],
): Promise<Uint8Array> {
  const { default: Excel } = await loadExcelJs();
  const wb = new Excel.Workbook();
  // An .xlsx is copied as it is; an .xls, .ods or CSV has no .xlsx to copy, so the copy is an
  // .xlsx of its values and merged areas as read (the officer's file is still not touched).
  if (file.format === 'xlsx') await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  else for (const grid of file.grids) addGridSheet(wb, grid);
  for (const target of combineTargets(markTargets(issues), reviewTargets)) {
    const ws = wb.getWorksheet(target.sheet);
    if (ws === undefined) continue;
    const cell = ws.getCell(target.address);
    const argb = `FF${MARK_FILL[target.severity].replace('#', '').toUpperCase()}`;
    // exceljs shares one style object among the cells of a style id: give this cell its own copy,
    // or every cell with the same look would turn red.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }} };
    const before = noteText(cell.note);
    cell.note = markNoteText(before === null ? null : { content: before }, target.lines);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A sheet holding a grid's values as read: text as text (never a formula), dates as dates. */
function addGridSheet(wb: ExcelJS.Workbook, grid: Grid): void {
  const ws = wb.addWorksheet(grid.name.slice(0, 31));
  grid.rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (isCellDate(v)) {
        cell.value = new Date(`${v.date}T00:00:00Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else if (isCellError(v)) cell.value = { error: v.error as ExcelJS.CellErrorValue['error'] };
      else cell.value = v;
    });
  });
  for (const range of grid.merges) ws.mergeCells(range);
}

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((r) => r.text ?? '').join('') : null;
}

/** "Ho ngheo 2024.xls" → "Ho ngheo 2024 (GNBV danh dau loi).xlsx": the copy is always an .xlsx. */
export function markedFileName(name: string, suffix: string): string {
  const base = name.replace(/\.(xlsx|xlsm|xls|ods|csv|tsv|txt)$/i, '');
  return `${base} (GNBV ${suffix}).xlsx`;
}
