import {
  appPropsXml,
  contentTypesXml,
  corePropsXml,
  rootRelsXml,
  sheetPath,
  workbookRelsXml,
  workbookXml,
} from '../shared/xlsx/write/package-parts.ts';
import { vietnamDateTimeText } from '../shared/vietnam-time.ts';
import { type Column, SheetXml } from '../shared/xlsx/write/sheet-xml.ts';
import { stylesXml } from '../shared/xlsx/write/styles.ts';
import { ZipStream } from '../shared/xlsx/write/zip-stream.ts';
import type { IssueCell } from './issues-file.ts';

const SHEET_NAME = 'Vấn đề';
const TITLE = 'DANH SÁCH VẤN ĐỀ TRONG BÁO CÁO';
/** Rows measured for the column widths before the sheet's head is written (as the district workbook). */
const WIDTH_SAMPLE_ROWS = 500;

/**
 * The table as one-sheet .xlsx bytes, written with the district workbook's primitives: text as
 * inline strings (never a formula, whatever it starts with), a bold header frozen under the title,
 * a filter over the table, columns as wide as their content.
 */
export async function issuesXlsx(columns: readonly Column[], rows: readonly IssueCell[][], now: Date): Promise<Uint8Array> {
  const zip = new ZipStream(now);
  const chunks: Uint8Array[] = [];
  zip.file('[Content_Types].xml', contentTypesXml(1));
  zip.file('_rels/.rels', rootRelsXml());
  zip.file('docProps/core.xml', corePropsXml(TITLE, now));
  zip.file('docProps/app.xml', appPropsXml());
  zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(1));
  zip.file('xl/styles.xml', stylesXml());

  const sheet = new SheetXml({
    name: SHEET_NAME,
    title: TITLE,
    subtitle: `Kiểm tra bằng lệnh gnbv validate lúc ${vietnamDateTimeText(now)} (giờ Việt Nam).`,
    columns,
    sampleRows: WIDTH_SAMPLE_ROWS,
    tabSelected: true,
  });
  const entry = zip.entry(sheetPath(1));
  for (const [i, row] of rows.entries()) {
    entry.write(sheet.row(row));
    if (i % 1000 === 999) chunks.push(...(await zip.take()));
  }
  sheet.endTable();
  entry.write(sheet.end());
  entry.close();
  zip.file('xl/workbook.xml', workbookXml([{ name: sheet.name, filterRef: sheet.filterRef, printTitleRows: sheet.printTitleRows }]));
  zip.end();
  chunks.push(...(await zip.take()));
  return Buffer.concat(chunks);
}
