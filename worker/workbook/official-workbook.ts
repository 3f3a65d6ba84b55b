import { officialListOf } from '../../shared/report/index.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { Cell, SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { ZipEntry } from '../../shared/xlsx/write/zip-stream.ts';
import { checksSheet, type MergedPlaces, sourcesSheet } from './checks-sheets.ts';
import type { FedKind, KindRecords } from './district-feed.ts';
import { OFFICIAL, OFFICIAL_NOTES, SHEET_NAMES, UNITS } from './labels.ts';
import { type LayoutFactory, WIDTH_SAMPLE_ROWS } from './layout-sheets.ts';
import {
  ESCAPED_LIST,
  type ListSheet,
  listNumbering,
  officialClosing,
  officialDeprivationsSheet,
  officialSheet,
  officialSummarySheet,
  POOR_LIST,
} from './official-sheets.ts';

/**
 * The official review forms' layout: Tổng hợp kết quả rà soát, the two household lists (poor and
 * near-poor; newly escaped), the two deprivation analyses, then GNBV's Kiểm tra and Nguồn. Only the
 * household lists are fed (no beneficiary or progress sheet is in these forms).
 *
 * The two lists are written one after the other, and the zip takes one entry at a time: the poor
 * and near-poor list is written while the households are counted, and the newly escaped list after,
 * reading each commune's households a second time (the same stored version: the same rows in the
 * same order), so nothing is held but counters. A newly escaped household's row is known when it is
 * counted all the same: the list's first row plus the escaped households seen before it.
 */

/**
 * Both lists' rows as one number for `HouseholdPlace.mergedRow` (the cross-commune duplicate check's
 * report): a row of the newly escaped list is counted on from Excel's last row. It fits the check's
 * 21 bits because a list's table always ends a few rows before Excel's last (the signatures follow).
 */
const SECOND_LIST = 1_048_576;

/** Kiểm tra's place column: the list and the row. */
const LIST_PLACES: MergedPlaces = {
  header: OFFICIAL.placeHeader,
  kind: 'text',
  cell(place): Cell {
    if (place === null) return null;
    const [name, row] = place > SECOND_LIST ? [SHEET_NAMES.escapedList, place - SECOND_LIST] : [SHEET_NAMES.poorList, place];
    return `${name}, dòng ${row}`;
  },
};

export const officialSheets: LayoutFactory = (source, ctx, out) => {
  const names = source.communes.map((c) => c.name);
  const listSheet = (id: 'poorList' | 'escapedList', list: ListSheet): SheetXml =>
    officialSheet(id, ctx, list.columns, listNumbering(list), UNITS.none, { freezeColumns: 3, sampleRows: WIDTH_SAMPLE_ROWS });
  // Made now, written after the feed: its rows are numbered from the first one below its header.
  const escaped = listSheet('escapedList', ESCAPED_LIST);
  const firstEscapedRow = escaped.rowNumber;
  let escapedSeen = 0;
  let poor: { sheet: SheetXml; entry: ZipEntry; written: number } | null = null;

  const close = (sheet: SheetXml, entry: ZipEntry, id: 'poorList' | 'escapedList'): void => {
    sheet.endTable();
    entry.write(officialClosing(sheet, [id === 'poorList' ? OFFICIAL_NOTES.poorList : OFFICIAL_NOTES.escapedList]));
    entry.close();
    out.done(id, sheet);
  };

  return {
    feeds: ['households'],
    sink: {
      startKind() {
        poor = { sheet: listSheet('poorList', POOR_LIST), entry: out.open('poorList'), written: 0 };
      },
      row<K extends FedKind>(_kind: K, record: KindRecords[K], communeIndex: number): number | null {
        if (poor === null) throw new Error('workbook: the household list is not open');
        const h = record as HouseholdRecord; // only the households are fed (`feeds`)
        const list = officialListOf(h.category);
        if (list === 'escaped') return SECOND_LIST + firstEscapedRow + escapedSeen++;
        if (list === null) return null;
        const row = poor.sheet.rowNumber;
        poor.sheet.writeRow(POOR_LIST.values(h, ++poor.written, names[communeIndex] ?? ''), poor.entry);
        return row;
      },
      endKind() {
        if (poor !== null) close(poor.sheet, poor.entry, 'poorList');
        poor = null;
      },
    },
    async *afterFeed() {
      const entry = out.open('escapedList');
      let n = 0;
      for (const [i, commune] of source.communes.entries()) {
        for await (const page of source.households(commune.id)) {
          for (const h of page) {
            if (officialListOf(h.category) !== 'escaped') continue;
            if (escaped.rowNumber !== firstEscapedRow + n) throw new Error('workbook: the household list changed between its two reads');
            escaped.writeRow(ESCAPED_LIST.values(h, ++n, names[i] ?? ''), entry);
          }
          yield;
        }
      }
      if (n !== escapedSeen) throw new Error(`workbook: ${escapedSeen} newly escaped households counted, ${n} read again`);
      close(escaped, entry, 'escapedList');
      yield;
    },
    fromFigures: (figures) => [
      ['officialSummary', officialSummarySheet(figures, ctx)],
      ['poorDeprivations', officialDeprivationsSheet('poor', figures, ctx)],
      ['nearPoorDeprivations', officialDeprivationsSheet('nearPoor', figures, ctx)],
      ['checks', checksSheet(figures, ctx, LIST_PLACES)],
      ['sources', sourcesSheet(source.communes, ctx)],
    ],
  };
};
