import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../grid/grid.ts';
import { address } from '../grid/address.ts';

/** Why a file could not be read; the CLI and the web page turn it into one clear line. */
export type UnreadableReason = 'legacy-xls' | 'encrypted' | 'not-xlsx' | 'damaged' | 'empty';

export class UnreadableWorkbook extends Error {
  constructor(readonly reason: UnreadableReason, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'UnreadableWorkbook';
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" as UTF-16LE: the stream an encrypted .xlsx keeps inside its OLE container. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function classify(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbook('empty');
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new UnreadableWorkbook(containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy-xls');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new UnreadableWorkbook('not-xlsx');
}

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

/** Read an .xlsx file's bytes into one grid per worksheet (in workbook order). */
export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<Grid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  classify(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new UnreadableWorkbook('damaged', { cause });
  }
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(worksheetToGrid);
}
