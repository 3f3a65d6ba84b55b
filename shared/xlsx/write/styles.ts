/**
 * The workbook's one stylesheet: Times New Roman (what commune and district offices print with),
 * thin borders on the tables, đồng as `#,##0`, rates as `0.0%`, dates as dd/mm/yyyy.
 */

/**
 * How a column's values are written and formatted. `percent` is a fraction shown as 0.0 %;
 * `percentNumber` is a fraction written as its number of per cent (0.0125 → 1.25, shown 0.00), as
 * the official forms' "Tỷ lệ (%)" columns hold it ("3=2/1*100").
 */
export type CellKind = 'text' | 'count' | 'money' | 'percent' | 'date' | 'datetime' | 'mark' | 'plain' | 'percentNumber';

const KIND_ORDER: readonly CellKind[] = ['text', 'count', 'money', 'percent', 'date', 'datetime', 'mark', 'plain'];
/** Kinds added later: their styles come after every earlier one, so no earlier style index moves. */
const LATER_KINDS: readonly CellKind[] = ['percentNumber'];

export const STYLE = {
  title: 1,
  subtitle: 2,
  header: 3,
  note: 20,
  signature: 21,
  signatureHint: 22,
  titleLeft: 23,
  subtitleLeft: 24,
  /** The official forms' heading lines (issuing authority, national motto): bold, centred. */
  heading: 25,
  /** The official forms' numbering row under the headers (A, B, 1, 2 …): italic, centred, boxed. */
  numbering: 26,
} as const;

const DATA_BASE = 4;
const TOTAL_BASE = 12;
const LATER_BASE = 27;

/** The style index of a table cell of that kind, in a data row or a totals row (bold, shaded). */
export function cellStyle(kind: CellKind, row: 'data' | 'total'): number {
  const i = KIND_ORDER.indexOf(kind);
  if (i >= 0) return (row === 'data' ? DATA_BASE : TOTAL_BASE) + i;
  return LATER_BASE + 2 * LATER_KINDS.indexOf(kind) + (row === 'data' ? 0 : 1);
}

export const NUMBER_FORMATS = {
  count: '#,##0',
  money: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  plain: '0',
  percentNumber: '0.00',
} as const;

const FMT_ID: Record<CellKind, number> = { text: 0, count: 164, money: 165, percent: 166, date: 167, datetime: 168, mark: 0, plain: 169, percentNumber: 170 };

function xf(fmt: number, font: number, fill: number, border: number, align: string): string {
  const applies = `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}`;
  return `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${align ? ` applyAlignment="1"><alignment ${align}/></xf>` : '/>'}`;
}

function kindAlign(kind: CellKind): string {
  if (kind === 'date' || kind === 'datetime' || kind === 'mark' || kind === 'plain') return 'horizontal="center" vertical="center"';
  return 'vertical="center"';
}

export function stylesXml(): string {
  const xfs: string[] = [
    xf(0, 0, 0, 0, ''),
    xf(0, 2, 0, 0, 'horizontal="center" vertical="center" wrapText="1"'),
    xf(0, 3, 0, 0, 'horizontal="center" vertical="center"'),
    xf(0, 1, 2, 1, 'horizontal="center" vertical="center" wrapText="1"'),
  ];
  for (const kind of KIND_ORDER) xfs.push(xf(FMT_ID[kind], 0, 0, 1, kindAlign(kind)));
  for (const kind of KIND_ORDER) xfs.push(xf(FMT_ID[kind], 1, 3, 1, kindAlign(kind)));
  xfs.push(xf(0, 3, 0, 0, ''), xf(0, 1, 0, 0, 'horizontal="center"'), xf(0, 3, 0, 0, 'horizontal="center"'));
  xfs.push(xf(0, 2, 0, 0, 'vertical="center"'), xf(0, 3, 0, 0, ''));
  xfs.push(xf(0, 1, 0, 0, 'horizontal="center" vertical="center"'), xf(0, 3, 0, 1, 'horizontal="center" vertical="center"'));
  for (const kind of LATER_KINDS) xfs.push(xf(FMT_ID[kind], 0, 0, 1, kindAlign(kind)), xf(FMT_ID[kind], 1, 3, 1, kindAlign(kind)));

  const fmts = (Object.keys(NUMBER_FORMATS) as (keyof typeof NUMBER_FORMATS)[]).map(
    (k) => `<numFmt numFmtId="${FMT_ID[k]}" formatCode="${NUMBER_FORMATS[k]}"/>`,
  );
  const font = (extra: string, size = 12): string => `<font>${extra}<sz val="${size}"/><name val="Times New Roman"/><family val="1"/><charset val="163"/></font>`;
  const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` +
    `<fonts count="4">${font('')}${font('<b/>')}${font('<b/>', 14)}${font('<i/>')}</fonts>` +
    '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}<diagonal/></border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
