import { CFB } from '@e965/xlsx';
import { address } from '../grid/address.ts';

/**
 * The font of every cell that holds a value in an Excel 97–2003 (.xls, BIFF8) workbook, by sheet
 * name and A1 address. SheetJS CE reads the values but not the fonts; the font is what tells text
 * typed in a TCVN3 (.VnTime) or VNI font, so this walks the Workbook stream's records itself
 * ([MS-XLS] 2.4): FONT and XF in the globals, BOUNDSHEET8 for where each sheet starts, and each
 * cell record's XF index. Anything else (BIFF5 and older, a stream it cannot follow) gives no
 * fonts, never an error: the values are SheetJS's to read.
 */

const BOF = 0x0809;
const EOF = 0x000a;
const FONT = 0x0031;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
/** Records of one cell with a value: row, column, XF index first. */
const SINGLE_CELL = new Set([0x00fd /* LABELSST */, 0x0203 /* NUMBER */, 0x027e /* RK */, 0x0205 /* BOOLERR */, 0x0006 /* FORMULA */, 0x0204 /* LABEL */, 0x00d6 /* RSTRING */]);
const MULRK = 0x00bd;
const BIFF8 = 0x0600;

interface RecordAt {
  type: number;
  data: DataView;
  next: number;
}

function recordAt(view: DataView, at: number): RecordAt | null {
  if (at + 4 > view.byteLength) return null;
  const type = view.getUint16(at, true);
  const length = view.getUint16(at + 2, true);
  if (at + 4 + length > view.byteLength) return null;
  return { type, data: new DataView(view.buffer, view.byteOffset + at + 4, length), next: at + 4 + length };
}

/** A ShortXLUnicodeString: a character count, a flags byte (bit 0: two bytes a character), the characters. */
function shortString(data: DataView, at: number, count: number): string {
  const wide = (data.getUint8(at) & 1) === 1;
  let s = '';
  for (let i = 0; i < count; i++) s += String.fromCharCode(wide ? data.getUint16(at + 1 + 2 * i, true) : data.getUint8(at + 1 + i));
  return s;
}

function workbookStream(bytes: Uint8Array): Uint8Array | null {
  const cfb = CFB.read(bytes, { type: 'array' }) as unknown;
  const entry = (CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book')) as { content?: ArrayLike<number> } | null;
  return entry?.content ? Uint8Array.from(entry.content) : null;
}

/** sheet name → [address, font name] for each cell with a value; empty when the stream is not BIFF8. */
export function xlsCellFonts(bytes: Uint8Array): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  let stream: Uint8Array | null;
  try {
    stream = workbookStream(bytes);
  } catch {
    return out;
  }
  if (!stream) return out;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const first = recordAt(view, 0);
  if (!first || first.type !== BOF || first.data.byteLength < 2 || first.data.getUint16(0, true) !== BIFF8) return out;

  const fonts: string[] = [];
  const xfFont: number[] = [];
  const sheets: { name: string; at: number }[] = [];
  for (let r = recordAt(view, first.next); r && r.type !== EOF; r = recordAt(view, r.next)) {
    if (r.type === FONT && r.data.byteLength >= 16) {
      fonts.push(shortString(r.data, 15, r.data.getUint8(14)));
      // Font index 4 does not exist in BIFF: the fifth FONT record is index 5.
      if (fonts.length === 4) fonts.push(fonts[3] as string);
    } else if (r.type === XF && r.data.byteLength >= 2) xfFont.push(r.data.getUint16(0, true));
    else if (r.type === BOUNDSHEET && r.data.byteLength >= 8 && r.data.getUint8(5) === 0) {
      sheets.push({ at: r.data.getUint32(0, true), name: shortString(r.data, 7, r.data.getUint8(6)) });
    }
  }
  const fontOfXf = (xf: number): string | undefined => {
    const f = xfFont[xf];
    return f === undefined ? undefined : fonts[f];
  };

  for (const sheet of sheets) {
    const cells: [string, string][] = [];
    out.set(sheet.name, cells);
    const bof = recordAt(view, sheet.at);
    if (!bof || bof.type !== BOF) continue;
    for (let r = recordAt(view, bof.next); r && r.type !== EOF; r = recordAt(view, r.next)) {
      const d = r.data;
      if (SINGLE_CELL.has(r.type) && d.byteLength >= 6) {
        const font = fontOfXf(d.getUint16(4, true));
        if (font !== undefined) cells.push([address(d.getUint16(0, true) + 1, d.getUint16(2, true) + 1), font]);
      } else if (r.type === MULRK && d.byteLength >= 6) {
        const row = d.getUint16(0, true);
        const firstColumn = d.getUint16(2, true);
        for (let i = 0, at = 4; at + 6 <= d.byteLength - 2; i++, at += 6) {
          const font = fontOfXf(d.getUint16(at, true));
          if (font !== undefined) cells.push([address(row + 1, firstColumn + i + 1), font]);
        }
      }
    }
  }
  return out;
}
