import { type CommuneTally, type DistrictFigures, DistrictTally } from '../../shared/report/index.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import type { WorkbookCommune, WorkbookSource } from './source.ts';

/** The records of each kind the district's figures are counted from. */
export interface KindRecords {
  households: HouseholdRecord;
  beneficiaries: BeneficiaryRecord;
  progress: ProgressRecord;
}

export type FedKind = keyof KindRecords;

export const FED_KINDS: readonly FedKind[] = ['households', 'beneficiaries', 'progress'];

/** What the workbook writer does beside the counting: one sheet per kind, each row written as it is counted. */
export interface RowSink {
  startKind(kind: FedKind): void;
  /** Writes a record of the commune at `communeIndex` in `source.communes`; answers its place in the merged sheets (null: written nowhere). */
  row<K extends FedKind>(kind: K, record: KindRecords[K], communeIndex: number): number | null;
  endKind(kind: FedKind): void;
}

/**
 * Feeds the district's tallies from the source: the one order and meaning the merged workbook and
 * the district summary share. Kind by kind (households, beneficiaries, progress), commune by
 * commune in the source's order; a commune's previous annual list before its households, and
 * `endHouseholds()` after them. Without a sink there is no merged sheet, so households are counted
 * without a merged row (it only locates the duplicate-ID pairs). Yields after each page and at the
 * end of each kind, so a writer can pass its bytes on while the pages are still being read.
 * `kinds` leaves out the kinds a caller has no use for (their figures stay empty).
 */
export async function* feedDistrict(
  source: WorkbookSource,
  district: DistrictTally,
  sink: RowSink | null = null,
  kinds: readonly FedKind[] = FED_KINDS,
): AsyncGenerator<void, void, undefined> {
  const { communes } = source;
  const tallies = communes.map((c) => district.commune(c));

  async function* feedKind<K extends FedKind>(
    kind: K,
    pages: (communeId: string) => AsyncIterable<KindRecords[K][]>,
    count: (tally: CommuneTally, record: KindRecords[K], mergedRow: number | null) => void,
    around: { before?: (tally: CommuneTally, communeId: string) => Promise<void>; after?: (tally: CommuneTally) => void } = {},
  ): AsyncGenerator<void, void, undefined> {
    sink?.startKind(kind);
    for (let i = 0; i < communes.length; i++) {
      const commune = communes[i] as WorkbookCommune;
      const tally = tallies[i] as CommuneTally;
      await around.before?.(tally, commune.id);
      for await (const page of pages(commune.id)) {
        for (const record of page) count(tally, record, sink === null ? null : sink.row(kind, record, i));
        yield;
      }
      around.after?.(tally);
    }
    sink?.endKind(kind);
    yield;
  }

  if (kinds.includes('households')) {
    yield* feedKind('households', (id) => source.households(id), (tally, h, mergedRow) => tally.household(h, mergedRow), {
      before: async (tally, id) => {
        for await (const page of source.previousHouseholds(id)) for (const h of page) tally.previousHousehold(h);
      },
      after: (tally) => tally.endHouseholds(),
    });
  }
  if (kinds.includes('beneficiaries')) yield* feedKind('beneficiaries', (id) => source.beneficiaries(id), (tally, b) => tally.beneficiary(b));
  if (kinds.includes('progress')) yield* feedKind('progress', (id) => source.progress(id), (tally, p) => tally.progress(p));
}

/** The district's figures from the source, counted exactly as the merged workbook counts them, with nothing written. */
export async function districtFigures(source: WorkbookSource): Promise<DistrictFigures> {
  const district = new DistrictTally();
  const steps = feedDistrict(source, district);
  while (!(await steps.next()).done);
  return district.figures();
}
