import type { StoredKind } from '../../shared/kinds/kind.ts';
import { type CommuneTally, type DistrictFigures, DistrictTally } from '../../shared/report/index.ts';
import { type RecordOf, type SheetKind, STORED_KINDS } from '../../shared/sheet-kind.ts';
import { kindPages, previousPages, type WorkbookCommune, type WorkbookSource } from './source.ts';

/** The records of each kind the district's figures are counted from (each kind's definition gives its record). */
export type KindRecords = { [K in SheetKind]: RecordOf<K> };

export type FedKind = SheetKind;

/** Every stored kind (shared/kinds/registry.ts), in the registry's order. */
export const FED_KINDS: readonly FedKind[] = STORED_KINDS.map((k) => k.id);

/** What the workbook writer does beside the counting: one sheet per kind, each row written as it is counted. */
export interface RowSink {
  startKind(kind: FedKind): void;
  /** Writes a record of the commune at `communeIndex` in `source.communes`; answers its place in the merged sheets (null: written nowhere). */
  row<K extends FedKind>(kind: K, record: KindRecords[K], communeIndex: number): number | null;
  endKind(kind: FedKind): void;
}

/**
 * Feeds the district's tallies from the source: the one order and meaning the merged workbook and
 * the district summary share. Kind by kind in the registry's order (households, beneficiaries,
 * progress), commune by commune in the source's order; a kind's previous annual list (the
 * households') before a commune's rows, and its tally's `end` after them. Without a sink there is
 * no merged sheet, so households are counted without a merged row (it only locates the
 * duplicate-ID pairs). Yields after each page and at the end of each kind, so a writer can pass its
 * bytes on while the pages are still being read. `kinds` leaves out the kinds a caller has no use
 * for (their figures stay empty).
 */
export async function* feedDistrict(
  source: WorkbookSource,
  district: DistrictTally,
  sink: RowSink | null = null,
  kinds: readonly FedKind[] = FED_KINDS,
): AsyncGenerator<void, void, undefined> {
  const { communes } = source;
  const tallies = communes.map((c) => district.commune(c));

  async function* feedKind(kind: StoredKind<SheetKind>): AsyncGenerator<void, void, undefined> {
    const { id, tally: counts } = kind;
    sink?.startKind(id);
    for (let i = 0; i < communes.length; i++) {
      const commune = communes[i] as WorkbookCommune;
      const tally = tallies[i] as CommuneTally;
      if (counts?.previous) for await (const page of previousPages(source, id, commune.id)) for (const r of page) counts.previous(tally, r);
      for await (const page of kindPages(source, id, commune.id)) {
        for (const record of page) {
          const mergedRow = sink === null ? null : sink.row(id, record as KindRecords[typeof id], i);
          counts?.count(tally, record, mergedRow);
        }
        yield;
      }
      counts?.end?.(tally);
    }
    sink?.endKind(id);
    yield;
  }

  for (const kind of STORED_KINDS) if (kinds.includes(kind.id)) yield* feedKind(kind);
}

/** The district's figures from the source, counted exactly as the merged workbook counts them, with nothing written. */
export async function districtFigures(source: WorkbookSource): Promise<DistrictFigures> {
  const district = new DistrictTally();
  const steps = feedDistrict(source, district);
  while (!(await steps.next()).done);
  return district.figures();
}
