import type { DistrictFigures } from '../../shared/report/index.ts';
import type { SheetContext, WrittenSheet } from './analysis-sheets.ts';
import { CHECK_NAMES, COMMUNE, NOTES, SHEET_NAMES, STT, sheetSubtitle, sheetTitle, UNITS, workbookKindName } from './labels.ts';
import { type Cell, type Column, SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { WorkbookCommune } from './source.ts';

/** How the Kiểm tra sheet shows where a household sits in the merged sheets (its `mergedRow`). */
export interface MergedPlaces {
  header: string;
  kind: Column['kind'];
  cell(mergedRow: number | null): Cell;
}

/** GNBV's layout: the row in the one merged household sheet. */
export const HOUSEHOLD_SHEET_ROWS: MergedPlaces = {
  header: `Dòng trong sheet "${SHEET_NAMES.households}"`,
  kind: 'plain',
  cell: (row) => row,
};

function checkColumns(places: MergedPlaces): Column[] {
  return [
    { header: STT, kind: 'plain' },
    { header: 'Nội dung kiểm tra', kind: 'text' },
    { header: COMMUNE, kind: 'text', minWidth: 12 },
    { header: 'Số CCCD', kind: 'text', minWidth: 13 },
    { header: places.header, kind: places.kind },
    { header: 'Dòng gốc', kind: 'plain' },
    { header: 'Xã có hộ trùng', kind: 'text', minWidth: 12 },
    { header: 'Chủ hộ (xã có hộ trùng)', kind: 'text', minWidth: 16 },
    { header: 'Sheet gốc (xã có hộ trùng)', kind: 'text' },
    { header: `${places.header} (hộ trùng)`, kind: places.kind },
    { header: 'Dòng gốc (hộ trùng)', kind: 'plain' },
    { header: 'Báo cáo còn thiếu', kind: 'text' },
  ];
}

/** Kiểm tra: the same ID number in two communes (each pair), then the communes missing a report, per kind. */
export function checksSheet(f: DistrictFigures, ctx: SheetContext, places: MergedPlaces = HOUSEHOLD_SHEET_ROWS): WrittenSheet {
  const sheet = new SheetXml({
    name: SHEET_NAMES.checks,
    title: sheetTitle('checks', ctx.region, ctx.period),
    subtitle: sheetSubtitle(ctx.generatedAt, UNITS.none),
    columns: checkColumns(places),
  });
  const rows: Cell[][] = [];
  for (const d of f.duplicates) {
    rows.push([
      rows.length + 1,
      CHECK_NAMES.duplicateId,
      d.first.communeName,
      d.idNumber,
      places.cell(d.first.mergedRow),
      d.first.sourceRow,
      d.second.communeName,
      d.second.headName,
      d.second.sourceSheet,
      places.cell(d.second.mergedRow),
      d.second.sourceRow,
      null,
    ]);
  }
  for (const m of f.missing) {
    rows.push([rows.length + 1, CHECK_NAMES.missing, m.communeName, null, null, null, null, null, null, null, null, workbookKindName(m.kind)]);
  }
  let xml = '';
  for (const r of rows) xml += sheet.row(r, 'data');
  sheet.endTable();
  if (rows.length === 0) xml += sheet.note(NOTES.noProblems);
  return { xml: xml + sheet.end(), sheet };
}

const SOURCE_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Loại báo cáo', kind: 'text' },
  { header: 'Phiên bản', kind: 'plain' },
  { header: 'Thời điểm nhận', kind: 'datetime' },
  { header: 'Đúng hạn / muộn', kind: 'text' },
  { header: 'Mã kiểm tra (checksum)', kind: 'text' },
  { header: 'Bộ quy tắc', kind: 'text' },
  { header: 'Người nộp', kind: 'text' },
];

/** Nguồn: each submission the workbook was built from. */
export function sourcesSheet(communes: readonly WorkbookCommune[], ctx: SheetContext): WrittenSheet {
  const sheet = new SheetXml({
    name: SHEET_NAMES.sources,
    title: sheetTitle('sources', ctx.region, ctx.period),
    subtitle: sheetSubtitle(ctx.generatedAt, UNITS.none),
    columns: SOURCE_COLUMNS,
  });
  let xml = '';
  let n = 0;
  for (const c of communes) {
    for (const s of c.submissions) {
      n++;
      xml += sheet.row([n, c.name, workbookKindName(s.kind), s.version, s.receivedAt, s.late ? 'Muộn' : 'Đúng hạn', s.checksum, s.rulePack, s.submittedBy]);
    }
  }
  sheet.endTable();
  return { xml: xml + sheet.end(), sheet };
}
