import type ExcelJS from 'exceljs';
import { MARK_FILL, markNoteText, markTargets } from '../../addin/marks/mark-plan.ts';
import type { Issue } from '../../shared/issues.ts';

/**
 * A COPY of the officer's workbook with every issue cell marked the way the add-in marks it:
 * Excel's light red (error) or yellow (warning) fill and a note "GNBV: message" after any note the
 * cell already had. The copy is loaded from the original bytes and only the issue cells' fill and
 * note change; the officer's file itself is never touched (the browser cannot write it anyway).
 */
export async function markedCopy(original: Uint8Array, issues: readonly Issue[]): Promise<Uint8Array> {
  // exceljs is fetched with the first file read (read-file.ts); here it is already there.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(original as unknown as ArrayBuffer);
  for (const target of markTargets(issues)) {
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

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((r) => r.text ?? '').join('') : null;
}

/** "Ho ngheo 2024.xlsx" → "Ho ngheo 2024 (GNBV danh dau loi).xlsx". */
export function markedFileName(name: string, suffix: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base} (GNBV ${suffix}).xlsx`;
}
