import type { WorkbookLayout } from '../../shared/api.ts';
import { DistrictTally } from '../../shared/report/index.ts';
import {
  changesSheet,
  deprivationsSheet,
  groupsSheet,
  projectsSheet,
  type SheetContext,
  summarySheet,
} from './analysis-sheets.ts';
import { checksSheet, sourcesSheet } from './checks-sheets.ts';
import { FED_KINDS, type FedKind, feedDistrict, type RowSink } from './district-feed.ts';
import { workbookDisplayName } from './file-name.ts';
import type { KindSheet, RowContext } from '../../shared/kinds/kind.ts';
import { storedKindOf } from '../../shared/sheet-kind.ts';
import { SHEET_NAMES, SHEET_ORDERS, type SheetId, sheetSubtitle, sheetTitle } from './labels.ts';
import { type LayoutFactory, type SheetOutput, WIDTH_SAMPLE_ROWS } from './layout-sheets.ts';
import { officialSheets } from './official-workbook.ts';
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

/**
 * The district-ready workbook (SPEC section 6) as a stream of .xlsx bytes, in GNBV's own layout or
 * in the official review forms' (official-workbook.ts). The sheets holding rows are written first,
 * while the rows are read page by page and counted; the sheets of figures after, from the counts;
 * workbook.xml last, with each sheet's filter range. The sheets' order comes from workbook.xml, not
 * from the order of the zip entries.
 */
export function writeDistrictWorkbook(source: WorkbookSource, layout: WorkbookLayout = 'gnbv'): ReadableStream<Uint8Array> {
  const chunks = workbookChunks(source, layout);
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

function rowContext(commune: WorkbookCommune): RowContext {
  const names = new Map(commune.plan.subProjects.map((s) => [s.code, s.name]));
  return { communeName: commune.name, projectName: (code) => (code === null ? null : (names.get(code) ?? null)) };
}

/** Writes the per-kind sheets (Hộ, Đối tượng hỗ trợ, Tiến độ: each kind's `workbook.sheet`) into the zip, one at a time, as the rows are fed. */
function kindSheetsSink(source: WorkbookSource, out: SheetOutput): RowSink {
  const { region, period, generatedAt } = source;
  const contexts = source.communes.map(rowContext);
  type Open = { sheet: SheetXml; entry: ZipEntry; values: KindSheet<unknown> };
  let open: Open | null = null;
  const opened = (kind: FedKind): Open => {
    if (open === null) throw new Error(`workbook: sheet ${kind} is not open`);
    return open;
  };
  return {
    startKind(kind) {
      const sheet = new SheetXml({
        name: SHEET_NAMES[kind],
        title: sheetTitle(kind, region, period),
        subtitle: sheetSubtitle(generatedAt, storedKindOf(kind).workbook.unit),
        columns: storedKindOf(kind).workbook.sheet.columns,
        sampleRows: WIDTH_SAMPLE_ROWS,
      });
      open = { sheet, entry: out.open(kind), values: storedKindOf(kind).workbook.sheet };
    },
    row(kind, row, communeIndex): number {
      const { sheet, entry, values } = opened(kind);
      const sheetRow = sheet.rowNumber;
      sheet.writeRow(values.values(row, contexts[communeIndex] as RowContext), entry);
      return sheetRow;
    },
    endKind(kind) {
      const { sheet, entry } = opened(kind);
      sheet.endTable();
      entry.write(sheet.end());
      entry.close();
      out.done(kind, sheet);
      open = null;
    },
  };
}

/** GNBV's own layout (SPEC section 6): the analysis sheets, a sheet per kind, Kiểm tra and Nguồn. */
const gnbvSheets: LayoutFactory = (source, ctx, out) => ({
  feeds: FED_KINDS,
  sink: kindSheetsSink(source, out),
  async *afterFeed() {},
  fromFigures: (figures) => [
    ['checks', checksSheet(figures, ctx)],
    ['sources', sourcesSheet(source.communes, ctx)],
    ['summary', summarySheet(figures, ctx)],
    ['changes', changesSheet(figures, ctx)],
    ['deprivations', deprivationsSheet(figures, ctx)],
    ['groups', groupsSheet(figures, ctx)],
    ['projects', projectsSheet(figures, ctx)],
  ],
});

const LAYOUTS: Readonly<Record<WorkbookLayout, LayoutFactory>> = { gnbv: gnbvSheets, official: officialSheets };

/** The review state of each commune, when the source knows them (the Tổng hợp sheet then has a column for it). */
function reviewsOf(communes: readonly WorkbookCommune[]): Pick<SheetContext, 'reviews'> {
  const known = communes.flatMap((c) => (c.reviewState === undefined ? [] : [[c.id, c.reviewState] as const]));
  return known.length === 0 ? {} : { reviews: new Map(known) };
}

async function* workbookChunks(source: WorkbookSource, layout: WorkbookLayout): AsyncGenerator<Uint8Array, void, undefined> {
  const { region, period, generatedAt } = source;
  const ctx: SheetContext = { region, period, generatedAt, ...reviewsOf(source.communes) };
  const order = SHEET_ORDERS[layout];
  const zip = new ZipStream(generatedAt);
  zip.file('[Content_Types].xml', contentTypesXml(order.length));
  zip.file('_rels/.rels', rootRelsXml());
  zip.file('docProps/core.xml', corePropsXml(workbookDisplayName(region.name, period, layout).replace(/\.xlsx$/, ''), generatedAt));
  zip.file('docProps/app.xml', appPropsXml());
  zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(order.length));
  zip.file('xl/styles.xml', stylesXml());
  yield* await zip.take();

  const entries = new Map<SheetId, SheetEntry>();
  const path = (id: SheetId): string => {
    const n = order.indexOf(id);
    if (n < 0) throw new Error(`workbook: sheet ${id} is not in the ${layout} layout`);
    return sheetPath(n + 1);
  };
  const out: SheetOutput = {
    open: (id) => zip.entry(path(id)),
    file: (id, xml) => zip.file(path(id), xml),
    done: (id, sheet) => entries.set(id, { name: sheet.name, filterRef: sheet.filterRef, printTitleRows: sheet.printTitleRows }),
  };
  const sheets = LAYOUTS[layout](source, ctx, out);

  // The sheets of rows: each row written where feedDistrict counts it, the bytes passed on after each page.
  const district = new DistrictTally();
  for await (const _ of feedDistrict(source, district, sheets.sink, sheets.feeds)) yield* await zip.take();
  for await (const _ of sheets.afterFeed()) yield* await zip.take();

  for (const [id, written] of sheets.fromFigures(district.figures())) {
    out.file(id, written.xml);
    out.done(id, written.sheet);
    yield* await zip.take();
  }

  const ordered = order.map((id) => {
    const e = entries.get(id);
    if (!e) throw new Error(`workbook: sheet ${id} was not written`);
    return e;
  });
  zip.file('xl/workbook.xml', workbookXml(ordered));
  zip.end();
  yield* await zip.take();
}
