import type { DistrictFigures } from '../../shared/report/index.ts';
import type { SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { ZipEntry } from '../../shared/xlsx/write/zip-stream.ts';
import type { SheetContext, WrittenSheet } from './analysis-sheets.ts';
import type { FedKind, RowSink } from './district-feed.ts';
import type { SheetId } from './labels.ts';
import type { WorkbookSource } from './source.ts';

/** Rows measured for a sheet of rows' column widths before its head is written. */
export const WIDTH_SAMPLE_ROWS = 500;

/** Where a layout writes its sheets: each sheet's zip entry at its place in the layout's order. */
export interface SheetOutput {
  /** Starts the sheet's zip entry; one entry at a time. */
  open(id: SheetId): ZipEntry;
  /** A whole sheet written at once. */
  file(id: SheetId, xml: string): void;
  /** The sheet is finished: what workbook.xml needs of it. */
  done(id: SheetId, sheet: SheetXml): void;
}

/**
 * One layout's sheets, in three steps: written row by row while the district is fed (`sink`), after
 * the feed (`afterFeed`, which may read the source again and yields after each page), and from the
 * figures (`fromFigures`).
 */
export interface LayoutSheets {
  /** The kinds the layout's sheets need fed. */
  feeds: readonly FedKind[];
  sink: RowSink;
  afterFeed(): AsyncGenerator<void, void, undefined>;
  fromFigures(figures: DistrictFigures): [SheetId, WrittenSheet][];
}

export type LayoutFactory = (source: WorkbookSource, ctx: SheetContext, out: SheetOutput) => LayoutSheets;
