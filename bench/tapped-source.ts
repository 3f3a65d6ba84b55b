import type { WorkbookSource } from '../worker/workbook/source.ts';

/** The row functions of a workbook source. */
export type SourceKind = 'households' | 'previousHouseholds' | 'beneficiaries' | 'progress';

/** Called for each page an iterator gives, in order; a fresh one per iterator (per commune and kind). */
export type PageTap = (page: readonly unknown[]) => void;

/**
 * The source, its pages of the chosen kinds shown to a tap as the writer reads them and passed on
 * unchanged (the benches count rows, pages and queries this way). `tap` is called once per
 * iterator, for the function that sees that iterator's pages.
 */
export function tappedSource(s: WorkbookSource, kinds: readonly SourceKind[], tap: () => PageTap): WorkbookSource {
  async function* through<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T[]> {
    const seen = tap();
    for await (const page of pages) {
      seen(page);
      yield page;
    }
  }
  const on = (kind: SourceKind): boolean => kinds.includes(kind);
  return {
    ...s,
    households: on('households') ? (id) => through(s.households(id)) : s.households,
    previousHouseholds: on('previousHouseholds') ? (id) => through(s.previousHouseholds(id)) : s.previousHouseholds,
    beneficiaries: on('beneficiaries') ? (id) => through(s.beneficiaries(id)) : s.beneficiaries,
    progress: on('progress') ? (id) => through(s.progress(id)) : s.progress,
  };
}
