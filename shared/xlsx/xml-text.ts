/**
 * The little XML an .xlsx needs read: attributes of one start tag, and text with its entities
 * decoded. SpreadsheetML is machine-written (no DTD, no CDATA in cells), so a scanner over the
 * decoded text is enough and much faster than building a DOM; a tag may carry a namespace
 * prefix (`<x:c>`, written by some .NET exporters).
 */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&amp;`, `&#233;`, `&#xE9;` → the characters. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML escapes characters XML cannot hold as `_x000D_` (upper-case hex, as Excel writes it). */
const OOXML_ESCAPE = /_x([0-9A-F]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's inside (`r="B5" s="3" t="s"`), prefixes dropped, values decoded. */
export function attributes(tagInside: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagInside.matchAll(ATTRIBUTE)) {
    const name = m[1] as string;
    const colon = name.indexOf(':');
    // xml:space and r:id keep their prefix; a namespace prefix on an ordinary attribute is dropped.
    const key = colon > 0 && name.slice(0, colon) !== 'xml' && name.slice(0, colon) !== 'r' ? name.slice(colon + 1) : name;
    out.set(key, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** One attribute's value, without building the map (the cell loop reads r, s and t this way). */
export function attribute(tagInside: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = tagInside.indexOf(`${name}=`, at);
    if (i < 0) return undefined;
    const before = i === 0 ? ' ' : tagInside[i - 1];
    at = i + name.length + 1;
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r' && before !== ':') continue;
    const quote = tagInside[at];
    if (quote !== '"' && quote !== "'") continue;
    const end = tagInside.indexOf(quote, at + 1);
    if (end < 0) return undefined;
    return decodeEntities(tagInside.slice(at + 1, end));
  }
}

/**
 * The text of every `<t>` inside `xml` (a shared string, an inline string), joined: rich-text runs
 * are concatenated, phonetic runs (`<rPh>`, Japanese readings) left out.
 */
export function joinedText(xml: string): string {
  const body = xml.indexOf('rPh') < 0 ? xml : xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1] as string;
  return decodeOoxmlEscapes(decodeEntities(text));
}
