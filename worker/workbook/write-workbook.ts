import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import { type CommuneTally, DistrictTally } from '../../shared/report/index.ts';
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
} from './package-parts.ts';
import { SheetXml } from './sheet-xml.ts';
import type { WorkbookCommune, WorkbookSource } from './source.ts';
import { stylesXml } from './styles.ts';
import { ZipStream } from './zip-stream.ts';

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

type KindId = 'households' | 'beneficiaries' | 'progress';

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
  const tallies = communes.map((c) => district.commune(c));
  const contexts = communes.map(rowContext);
  const entries = new Map<SheetId, SheetEntry>();
  const record = (id: SheetId, sheet: SheetXml): void => {
    entries.set(id, { name: sheet.name, filterRef: sheet.filterRef, printTitleRows: sheet.printTitleRows });
  };

  /** One per-kind sheet: every commune's pages in turn, each row written and counted. */
  async function* kindSheet<T>(
    id: KindId,
    spec: KindSheet<T>,
    pages: (communeId: string) => AsyncIterable<T[]>,
    count: (tally: CommuneTally, row: T, sheetRow: number) => void,
    before?: (tally: CommuneTally, communeId: string) => Promise<void>,
    after?: (tally: CommuneTally) => void,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    const sheet = new SheetXml({
      name: SHEET_NAMES[id],
      title: sheetTitle(id, region, period),
      subtitle: sheetSubtitle(generatedAt, id === 'households' ? UNITS.householdRows : UNITS.rows),
      columns: spec.columns,
      sampleRows: WIDTH_SAMPLE_ROWS,
    });
    const entry = zip.entry(sheetPath(sheetNumber(id)));
    for (let i = 0; i < communes.length; i++) {
      const commune = communes[i] as WorkbookCommune;
      const tally = tallies[i] as CommuneTally;
      const rc = contexts[i] as RowContext;
      if (before) await before(tally, commune.id);
      for await (const page of pages(commune.id)) {
        for (const row of page) {
          const sheetRow = sheet.rowNumber;
          entry.write(sheet.row(spec.values(row, rc)));
          count(tally, row, sheetRow);
        }
        yield* zip.take();
      }
      after?.(tally);
    }
    sheet.endTable();
    entry.write(sheet.end());
    entry.close();
    record(id, sheet);
    yield* zip.take();
  }

  yield* kindSheet<HouseholdRecord>(
    'households',
    HOUSEHOLD_SHEET,
    (id) => source.households(id),
    (tally, h, sheetRow) => tally.household(h, sheetRow),
    async (tally, id) => {
      for await (const page of source.previousHouseholds(id)) for (const h of page) tally.previousHousehold(h);
    },
    (tally) => tally.endHouseholds(),
  );
  yield* kindSheet<BeneficiaryRecord>('beneficiaries', BENEFICIARY_SHEET, (id) => source.beneficiaries(id), (tally, b) => tally.beneficiary(b));
  yield* kindSheet<ProgressRecord>('progress', PROGRESS_SHEET, (id) => source.progress(id), (tally, p) => tally.progress(p));

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
