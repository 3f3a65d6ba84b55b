import { DistrictTally } from '../../shared/report/index.ts';
import {
  changesSheet,
  deprivationsSheet,
  groupsSheet,
  projectsSheet,
  type SheetContext,
  summarySheet,
  type WrittenSheet,
} from './analysis-sheets.ts';
import { checksSheet, sourcesSheet } from './checks-sheets.ts';
import { type FedKind, feedDistrict, type KindRecords, type RowSink } from './district-feed.ts';
import { workbookDisplayName } from './file-name.ts';
import { BENEFICIARY_SHEET, HOUSEHOLD_SHEET, type KindSheet, PROGRESS_SHEET, type RowContext } from './kind-sheets.ts';
import { SHEET_NAMES, SHEET_ORDER, type SheetId, sheetSubtitle, sheetTitle, UNITS } from './labels.ts';
import {
  appPropsXml,
  contentTypesXml,
  corePropsXml,
  rootRelsXml,
  type SheetEntry,
  sheetPath,
  workbookRelsXml,
  workbookXml,
} from '../../shared/xlsx/write/package-parts.ts';
import { SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { WorkbookCommune, WorkbookSource } from './source.ts';
import { stylesXml } from '../../shared/xlsx/write/styles.ts';
import { type ZipEntry, ZipStream } from '../../shared/xlsx/write/zip-stream.ts';

/** Rows measured for a per-kind sheet's column widths before its head is written. */
const WIDTH_SAMPLE_ROWS = 500;

/**
 * The district-ready workbook (SPEC section 6) as a stream of .xlsx bytes. The per-kind sheets are
 * written first, while their rows are read page by page and counted; the analysis, checks and
 * sources sheets after, from the counts; workbook.xml last, with each sheet's filter range. The
 * sheets' order comes from workbook.xml, not from the order of the zip entries.
 */
export function writeDistrictWorkbook(source: WorkbookSource): ReadableStream<Uint8Array> {
  const chunks = workbookChunks(source);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

function sheetNumber(id: SheetId): number {
  return SHEET_ORDER.indexOf(id) + 1;
}

function rowContext(commune: WorkbookCommune): RowContext {
  const names = new Map(commune.plan.subProjects.map((s) => [s.code, s.name]));
  return { communeName: commune.name, projectName: (code) => (code === null ? null : (names.get(code) ?? null)) };
}

const KIND_SHEETS: { readonly [K in FedKind]: KindSheet<KindRecords[K]> } = {
  households: HOUSEHOLD_SHEET,
  beneficiaries: BENEFICIARY_SHEET,
  progress: PROGRESS_SHEET,
};

/** Writes the per-kind sheets (Hộ, Đối tượng hỗ trợ, Tiến độ) into the zip, one at a time, as the rows are fed. */
function kindSheetsSink(zip: ZipStream, source: WorkbookSource, record: (id: SheetId, sheet: SheetXml) => void): RowSink {
  const { region, period, generatedAt } = source;
  const contexts = source.communes.map(rowContext);
  let open: { sheet: SheetXml; entry: ZipEntry } | null = null;
  const opened = (kind: FedKind): { sheet: SheetXml; entry: ZipEntry } => {
    if (open === null) throw new Error(`workbook: sheet ${kind} is not open`);
    return open;
  };
  return {
    startKind(kind) {
      const sheet = new SheetXml({
        name: SHEET_NAMES[kind],
        title: sheetTitle(kind, region, period),
        subtitle: sheetSubtitle(generatedAt, kind === 'households' ? UNITS.householdRows : UNITS.rows),
        columns: KIND_SHEETS[kind].columns,
        sampleRows: WIDTH_SAMPLE_ROWS,
      });
      open = { sheet, entry: zip.entry(sheetPath(sheetNumber(kind))) };
    },
    row<K extends FedKind>(kind: K, row: KindRecords[K], communeIndex: number): number {
      const { sheet, entry } = opened(kind);
      const sheetRow = sheet.rowNumber;
      entry.write(sheet.row(KIND_SHEETS[kind].values(row, contexts[communeIndex] as RowContext)));
      return sheetRow;
    },
    endKind(kind) {
      const { sheet, entry } = opened(kind);
      sheet.endTable();
      entry.write(sheet.end());
      entry.close();
      record(kind, sheet);
      open = null;
    },
  };
}

async function* workbookChunks(source: WorkbookSource): AsyncGenerator<Uint8Array, void, undefined> {
  const { region, period, generatedAt, communes } = source;
  const ctx: SheetContext = { region, period, generatedAt };
  const zip = new ZipStream(generatedAt);
  const sheetCount = SHEET_ORDER.length;
  zip.file('[Content_Types].xml', contentTypesXml(sheetCount));
  zip.file('_rels/.rels', rootRelsXml());
  zip.file('docProps/core.xml', corePropsXml(workbookDisplayName(region.name, period).replace(/\.xlsx$/, ''), generatedAt));
  zip.file('docProps/app.xml', appPropsXml());
  zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(sheetCount));
  zip.file('xl/styles.xml', stylesXml());
  yield* zip.take();

  const district = new DistrictTally();
  const entries = new Map<SheetId, SheetEntry>();
  const record = (id: SheetId, sheet: SheetXml): void => {
    entries.set(id, { name: sheet.name, filterRef: sheet.filterRef, printTitleRows: sheet.printTitleRows });
  };

  // The per-kind sheets: each row written where feedDistrict counts it, the bytes passed on after each page.
  const sink = kindSheetsSink(zip, source, record);
  for await (const _ of feedDistrict(source, district, sink)) yield* zip.take();

  const figures = district.figures();
  const finished: [SheetId, WrittenSheet][] = [
    ['checks', checksSheet(figures, ctx)],
    ['sources', sourcesSheet(communes, ctx)],
    ['summary', summarySheet(figures, ctx)],
    ['changes', changesSheet(figures, ctx)],
    ['deprivations', deprivationsSheet(figures, ctx)],
    ['groups', groupsSheet(figures, ctx)],
    ['projects', projectsSheet(figures, ctx)],
  ];
  for (const [id, written] of finished) {
    zip.file(sheetPath(sheetNumber(id)), written.xml);
    record(id, written.sheet);
    yield* zip.take();
  }

  const ordered = SHEET_ORDER.map((id) => {
    const e = entries.get(id);
    if (!e) throw new Error(`workbook: sheet ${id} was not written`);
    return e;
  });
  zip.file('xl/workbook.xml', workbookXml(ordered));
  zip.end();
  yield* zip.take();
}
