import { unzipSync } from 'fflate';
import { address } from '../grid/address.ts';
import { attribute } from './xml-text.ts';

/**
 * The font of every cell that holds a value in an OpenDocument spreadsheet, by sheet name and A1
 * address. SheetJS reads an .ods's values but not its styles; the font is what tells text typed in
 * a TCVN3 (.VnTime) or VNI font, so this reads it from content.xml and styles.xml: a cell's style
 * (else its column's default cell style), up its parent styles to a font name, then the font
 * face's family. Cells in the "Default" style are left out, as the .xlsx reader leaves out cells in
 * style 0.
 */

const MAX_COLUMNS = 16_384;
/** A row or cell repeated more than this is LibreOffice's filler to the sheet's end: it holds no values. */
const MAX_REPEAT = 1_000;

interface CellStyle {
  parent: string | undefined;
  fontName: string | undefined;
}

const STYLE = /<style:(style|default-style)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/style:\1>)/g;
const FONT_FACE = /<style:font-face\b([^>]*?)\/?>/g;
const TEXT_PROPERTIES = /<style:text-properties\b([^>]*?)\/?>/;
const TABLE_TAG = /<(\/?)table:(table|table-column|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(\/?)>/g;

function readStyles(xml: string, styles: Map<string, CellStyle>, faces: Map<string, string>): string | undefined {
  let defaultFont: string | undefined;
  for (const m of xml.matchAll(FONT_FACE)) {
    const attrs = m[1] ?? '';
    const name = attribute(attrs, 'name');
    const family = attribute(attrs, 'font-family')?.replace(/^['"]|['"]$/g, '');
    if (name !== undefined) faces.set(name, family ?? name);
  }
  for (const m of xml.matchAll(STYLE)) {
    const attrs = m[2] ?? '';
    if (attribute(attrs, 'family') !== 'table-cell') continue;
    const text = TEXT_PROPERTIES.exec(m[3] ?? '')?.[1];
    const fontName = text === undefined ? undefined : attribute(text, 'font-name');
    if (m[1] === 'default-style') defaultFont = fontName ?? defaultFont;
    else {
      const name = attribute(attrs, 'name');
      if (name !== undefined) styles.set(name, { parent: attribute(attrs, 'parent-style-name'), fontName });
    }
  }
  return defaultFont;
}

function positiveInt(text: string | undefined): number {
  const n = text === undefined ? 1 : Number(text);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** sheet name → [address, font family] for each cell with a value; empty when the parts are missing. */
export function odsCellFonts(bytes: Uint8Array): Map<string, [string, string][]> {
  const parts = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' || f.name === 'styles.xml' });
  const content = parts['content.xml'];
  const out = new Map<string, [string, string][]>();
  if (!content) return out;
  const decoder = new TextDecoder();
  const styles = new Map<string, CellStyle>();
  const faces = new Map<string, string>();
  const stylesXml = parts['styles.xml'];
  const contentXml = decoder.decode(content);
  const defaultFont = [stylesXml ? readStyles(decoder.decode(stylesXml), styles, faces) : undefined, readStyles(contentXml, styles, faces)].reduce((a, b) => b ?? a, undefined as string | undefined);

  const resolved = new Map<string, string | undefined>();
  const fontOf = (styleName: string): string | undefined => {
    const start = styleName;
    if (resolved.has(start)) return resolved.get(start);
    let name: string | undefined = start;
    let font: string | undefined;
    for (let depth = 0; name !== undefined && depth < 20 && font === undefined; depth++) {
      const style = styles.get(name);
      font = style?.fontName;
      name = style?.parent;
    }
    const family = font ?? defaultFont;
    const answer = family === undefined ? undefined : (faces.get(family) ?? family);
    resolved.set(start, answer);
    return answer;
  };

  let sheet: [string, string][] = [];
  let columnStyles: (string | undefined)[] = [];
  let row = 0;
  let rowRepeat = 1;
  let column = 0;
  for (const m of contentXml.matchAll(TABLE_TAG)) {
    const [, closing, tag, attrs = '', selfClosing] = m;
    if (tag === 'table') {
      if (closing) continue;
      sheet = [];
      out.set(attribute(attrs, 'name') ?? `Sheet${out.size + 1}`, sheet);
      columnStyles = [];
      row = 0;
    } else if (tag === 'table-column') {
      const repeat = Math.min(positiveInt(attribute(attrs, 'number-columns-repeated')), MAX_COLUMNS - columnStyles.length);
      const style = attribute(attrs, 'default-cell-style-name');
      for (let i = 0; i < repeat; i++) columnStyles.push(style);
    } else if (tag === 'table-row') {
      if (closing) row += rowRepeat;
      else {
        rowRepeat = positiveInt(attribute(attrs, 'number-rows-repeated'));
        column = 0;
        if (selfClosing) row += rowRepeat;
      }
    } else if (!closing) {
      const repeat = positiveInt(attribute(attrs, 'number-columns-repeated'));
      // Only a cell with a style of its own, as the .xlsx reader counts only cells with a style
      // (s > 0): the same cells take part in finding the sheet's usual font.
      const styleName = attribute(attrs, 'style-name') ?? columnStyles[column];
      if (tag === 'table-cell' && styleName !== undefined && styleName !== 'Default' && attribute(attrs, 'value-type') !== undefined && repeat <= MAX_REPEAT && rowRepeat <= MAX_REPEAT) {
        const font = fontOf(styleName);
        if (font !== undefined) {
          for (let r = 0; r < rowRepeat; r++) for (let c = 0; c < repeat; c++) sheet.push([address(row + r + 1, column + c + 1), font]);
        }
      }
      column += repeat;
    }
  }
  return out;
}
