import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as SheetJS from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds } from '../../bench/generate.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { UnreadableWorkbook, readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { gridsToXlsx } from '../grid-to-xlsx.ts';
import { readXlsxWithExceljs } from '../reference-xlsx-reader.ts';
import { SAMPLES_DIR } from '../samples.ts';

/**
 * GNBV's own .xlsx reader against exceljs (the reader it replaced, an independent implementation):
 * the same grids, cell for cell, on the samples as saved by Excel, by LibreOffice and by SheetJS,
 * on a generated sheet of 2,000 households, and on hand-written packages with the rarer parts of
 * SpreadsheetML.
 */

const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.xlsx')).sort();

async function expectSameAsExceljs(bytes: Uint8Array): Promise<Grid[]> {
  const ours = await readGrids(bytes);
  expect(ours).toEqual(await readXlsxWithExceljs(bytes));
  return ours;
}

describe('the .xlsx reader gives the grids exceljs gives', () => {
  for (const name of samples) {
    it(`${name} as saved`, async () => {
      await expectSameAsExceljs(readFileSync(join(SAMPLES_DIR, name)));
    });
  }

  describe('saved again by LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gnbv-lo-xlsx-'));
    beforeAll(() => {
      // Another name, so that LibreOffice does not write over its input in the same folder.
      for (const name of samples) copyFileSync(join(SAMPLES_DIR, name), join(dir, `src-${name}`));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), ...samples.map((n) => join(dir, `src-${n}`))],
        { stdio: 'ignore', timeout: 180_000 },
      );
    }, 200_000);
    for (const name of samples) {
      it(name, async () => {
        const grids = await expectSameAsExceljs(readFileSync(join(dir, 'out', `src-${name}`)));
        expect(grids.length).toBeGreaterThan(0);
      });
    }
  });

  for (const name of samples) {
    it(`${name} saved again by SheetJS`, async () => {
      const wb = SheetJS.read(readFileSync(join(SAMPLES_DIR, name)), { cellStyles: true, cellNF: true });
      await expectSameAsExceljs(new Uint8Array(SheetJS.write(wb, { type: 'buffer', bookType: 'xlsx', cellStyles: true }) as Buffer));
    });
  }

  it('a generated list of 2,000 households written by exceljs', async () => {
    const { grid } = generateHouseholds(2_000);
    const grids = await expectSameAsExceljs(await gridsToXlsx([grid]));
    expect(grids[0]?.rows.length).toBe(grid.rows.length);
  });
});

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface PackageSheet {
  name: string;
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

/** A minimal .xlsx package: given sheets, shared strings and styles, as Excel lays them out. */
function xlsxPackage(sheets: readonly PackageSheet[], options: { strings?: string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
  };
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (options.strings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.strings}</sst>`);
  }
  if (options.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    parts['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles}</styleSheet>`);
  }
  parts['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  parts['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${options.workbookPr ?? ''}<sheets>${sheetList}</sheets></workbook>`,
  );
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${s.xml}</worksheet>`);
  });
  return zipSync(parts);
}

const STYLES = `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><name val=".VnTime"/></font><font><b/><name val="Times New Roman"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="1"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="3" fontId="2"/><xf numFmtId="14" fontId="0"/></cellXfs>`;

describe('the parts of SpreadsheetML officers’ files carry', () => {
  it('strings shared, inline and rich, formulas with their cached results, entities and escapes', async () => {
    const strings = [
      '<si><t>Họ và tên chủ hộ</t></si>',
      '<si><r><rPr><b/></rPr><t>Lò </t></r><r><t xml:space="preserve">Văn Tuấn</t></r><rPh sb="0" eb="1"><t>ロ</t></rPh></si>',
      '<si><t>A &amp; B &lt;1&gt; &#272;&#x1EA1;i</t></si>',
      '<si><t>dòng 1_x000D_\ndòng 2</t></si>',
      '<si><t></t></si>',
    ].join('');
    const sheet = `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Thôn 1</t></is></c><c r="B3" t="str"><v>Xuân Hoà</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#REF!</v></c></row>
<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4"><f>NOW()</f></c></row>
<row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">B5*2</f><v>10</v></c></row>
<row r="6"><c r="A6"><f t="shared" si="0"/><v>12</v></c><c r="B6"><v>1.5E+3</v></c></row>
</sheetData>`;
    const bytes = xlsxPackage([{ name: 'Danh sách', xml: sheet }], { strings });
    const [grid] = await expectSameAsExceljs(bytes);
    expect(grid?.rows).toEqual([
      ['Họ và tên chủ hộ', null, 'Lò Văn Tuấn'],
      ['A & B <1> Đại', 'dòng 1\r\ndòng 2', null, ''],
      ['Thôn 1', 'Xuân Hoà', true, { error: '#REF!' }],
      [2, 'ab', { error: '#DIV/0!' }],
      [10],
      [12, 1500],
    ]);
  });

  it('a formula whose cached result is FALSE reads as false (exceljs drops it; Excel’s own values, which the task pane reads, have it)', async () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="b"><f>1&gt;2</f><v>0</v></c><c r="B1" t="b"><f>1&lt;2</f><v>1</v></c></row></sheetData>';
    expect((await readGrids(xlsxPackage([{ name: 'F', xml: sheet }])))[0]?.rows).toEqual([[false, true]]);
  });

  it('dates by number format (built-in and custom, 1900 and 1904), fonts that differ from the usual one', async () => {
    const sheet = `<sheetData>
<row r="1"><c r="A1" s="1"><v>45291</v></c><c r="B1" s="4"><v>45292</v></c><c r="C1" s="3"><v>1500000</v></c></row>
<row r="2"><c r="A2" s="2" t="inlineStr"><is><t>Lß V¨n TuÊn</t></is></c><c r="B2" s="1"><f>A1+1</f><v>45292</v></c></row>
<row r="3"><c r="A3" s="3" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B3" s="3" t="inlineStr"><is><t>Thôn 2</t></is></c></row>
</sheetData>`;
    const [grid] = await expectSameAsExceljs(xlsxPackage([{ name: 'Ho', xml: sheet }], { styles: STYLES }));
    expect(grid).toEqual({
      name: 'Ho',
      rows: [
        [{ date: '2023-12-31' }, { date: '2024-01-01' }, 1500000],
        ['Lß V¨n TuÊn', { date: '2024-01-01' }],
        ['Nguyễn Văn An', 'Thôn 2'],
      ],
      merges: [],
      numFmts: { A1: 'dd/mm/yyyy', B1: 'mm-dd-yy', C1: '#,##0', B2: 'dd/mm/yyyy', A3: '#,##0', B3: '#,##0' },
      fonts: { A2: '.VnTime' },
    });
    const [old] = await expectSameAsExceljs(xlsxPackage([{ name: 'Mac', xml: sheet }], { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(old?.rows[0]?.[0]).toEqual({ date: '2028-01-01' });
  });

  it('merged areas: the top-left holds the value, the sheet runs to the bottom of the last area; hidden sheets kept, very hidden left out', async () => {
    const sheet = `<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>DANH SÁCH HỘ NGHÈO</t></is></c><c r="B1" t="inlineStr"><is><t>lost</t></is></c></row>
<row r="3" spans="1:2"><c r="A3"><v>1</v></c></row>
<row r="4" s="1" customFormat="1"><c r="A4" s="1"/></row>
</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B8:A6"/></mergeCells>`;
    const grids = await expectSameAsExceljs(
      xlsxPackage(
        [
          { name: 'Trang 1', xml: sheet },
          { name: 'Ẩn', xml: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>', state: 'hidden' },
          { name: 'Macro', xml: '<sheetData><row r="1"><c r="A1"><v>8</v></c></row></sheetData>', state: 'veryHidden' },
        ],
        { styles: STYLES },
      ),
    );
    expect(grids.map((g) => g.name)).toEqual(['Trang 1', 'Ẩn']);
    expect(grids[0]?.rows).toEqual([['DANH SÁCH HỘ NGHÈO'], [], [1], [], [], [], [], []]);
    expect(grids[0]?.merges).toEqual(['A1:C1', 'A6:B8']);
  });

  it('reads what exceljs cannot: namespace prefixes (.NET exporters), cells without addresses, ISO dates', async () => {
    const sheet = `<sheetData><row r="2"><c t="inlineStr"><is><t>Thôn 1</t></is></c><c><v>3</v></c><c r="E2" t="d"><v>2024-06-30T00:00:00</v></c></row></sheetData>`;
    const prefixed = xlsxPackage([{ name: 'DS', xml: sheet }]);
    const grids = await readGrids(prefixed);
    expect(grids[0]?.rows).toEqual([[], ['Thôn 1', 3, null, null, { date: '2024-06-30' }]]);

    const x = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã hộ</x:t></x:is></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = xlsxPackage([{ name: 'DS', xml: '' }]);
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(bytes);
    parts['xl/worksheets/sheet1.xml'] = strToU8(x);
    expect((await readGrids(zipSync(parts)))[0]?.rows).toEqual([['Mã hộ', 5]]);
  });

  it('a zip that holds no workbook is not a spreadsheet; a zip cut short is damaged', async () => {
    const notXlsx = zipSync({ 'readme.txt': strToU8('hello') });
    await expect(readGrids(notXlsx)).rejects.toEqual(new UnreadableWorkbook('not-spreadsheet'));
    const cut = readFileSync(join(SAMPLES_DIR, samples[0] as string)).subarray(0, 3000);
    await expect(readGrids(cut)).rejects.toMatchObject({ reason: 'damaged' });
  });
});
