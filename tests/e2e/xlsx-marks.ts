import XLSX from 'xlsx';

/**
 * Reads a marked copy back with SheetJS, a reader independent of the exceljs that wrote it, and
 * compares it with the original: which cells carry a mark (solid fill in a mark colour, a note
 * with "GNBV:"), and which cells' values differ.
 */

export const MARK_COLOURS = { error: 'FFC7CE', warning: 'FFEB9C', review: 'BDD7EE' } as const;

export interface CellMark {
  /** "Sheet!A1" */
  cell: string;
  fill: string | null;
  note: string | null;
}

interface StyledCell extends XLSX.CellObject {
  s?: { patternType?: string; fgColor?: { rgb?: string } };
}

function fillOf(cell: StyledCell | undefined): string | null {
  const s = cell?.s;
  if (!s || s.patternType !== 'solid') return null;
  return s.fgColor?.rgb?.toUpperCase().slice(-6) ?? null;
}

function noteOf(cell: XLSX.CellObject | undefined): string | null {
  const comments = cell?.c;
  if (!comments || comments.length === 0) return null;
  return comments.map((c) => c.t).join('\n');
}

function cellsOf(ws: XLSX.WorkSheet): string[] {
  return Object.keys(ws).filter((k) => !k.startsWith('!'));
}

/** A cell's value as SheetJS reads it: blank ("z" stubs, empty strings, missing) is one thing. */
function valueOf(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === '') return 'blank';
  return `${cell.t}:${String(cell.v)}${cell.f ? ` =${cell.f}` : ''}`;
}

export interface CopyComparison {
  sheetsOriginal: string[];
  sheetsCopy: string[];
  /** Cells whose fill turned to a mark colour or that gained a GNBV note. */
  marks: CellMark[];
  /** "Sheet!A1: before → after" for every cell whose value or formula changed. */
  changedValues: string[];
}

export function compareCopy(original: Uint8Array, copy: Uint8Array): CopyComparison {
  const a = XLSX.read(original, { cellStyles: true });
  const b = XLSX.read(copy, { cellStyles: true });
  const marks: CellMark[] = [];
  const changedValues: string[] = [];
  for (const name of a.SheetNames) {
    const before = a.Sheets[name];
    const after = b.Sheets[name];
    if (!before || !after) continue;
    const addresses = new Set([...cellsOf(before), ...cellsOf(after)]);
    for (const address of addresses) {
      const x = before[address] as StyledCell | undefined;
      const y = after[address] as StyledCell | undefined;
      if (valueOf(x) !== valueOf(y)) changedValues.push(`${name}!${address}: ${valueOf(x)} → ${valueOf(y)}`);
      const fill = fillOf(y);
      const note = noteOf(y);
      const marked = (fill !== null && Object.values(MARK_COLOURS).includes(fill as never) && fill !== fillOf(x)) || (note !== null && note.includes('GNBV:') && note !== noteOf(x));
      if (marked) marks.push({ cell: `${name}!${address}`, fill, note });
    }
  }
  return { sheetsOriginal: a.SheetNames, sheetsCopy: b.SheetNames, marks, changedValues };
}
