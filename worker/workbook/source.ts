import type { Period } from '../../shared/periods.ts';
import type { CommunePlan } from '../../shared/plans/plan.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import type { ReviewState } from '../../shared/review.ts';
import type { RecordOf, SheetKind } from '../../shared/sheet-kind.ts';

/** The unit that merges the communes: the district for 2024, the province after 1 July 2025. */
export interface WorkbookRegion {
  id: string;
  name: string;
  level: 'district' | 'province';
}

/** One accepted submission the workbook is built from (a line of the "Nguồn" sheet). */
export interface WorkbookSubmission {
  kind: SheetKind;
  version: number;
  /** ISO 8601 instant. */
  receivedAt: string;
  late: boolean;
  checksum: string;
  rulePack: string;
  submittedBy: string;
}

export interface WorkbookCommune {
  id: string;
  name: string;
  plan: CommunePlan;
  /** The latest accepted submission of each kind (for beneficiaries, of each sub-project). */
  submissions: WorkbookSubmission[];
  /** Kinds due for the period and not received. */
  missing: SheetKind[];
  /** The district's review of the commune's report (shared/review.ts); a source without reviews leaves it out. */
  reviewState?: ReviewState;
}

/**
 * What the workbook is built from. Rows come in pages (arrays) so D1 can be read page by page;
 * each call returns a fresh iterator, and each is read once, commune by commune, in the order of
 * `communes`.
 */
export interface WorkbookSource {
  region: WorkbookRegion;
  period: Period;
  generatedAt: Date;
  communes: WorkbookCommune[];
  households(communeId: string): AsyncIterable<HouseholdRecord[]>;
  /** The commune's previous annual list (may be empty): the start of year where the list has no start-of-year column. */
  previousHouseholds(communeId: string): AsyncIterable<HouseholdRecord[]>;
  beneficiaries(communeId: string): AsyncIterable<BeneficiaryRecord[]>;
  progress(communeId: string): AsyncIterable<ProgressRecord[]>;
  /** The rows of a kind the named iterators above do not cover (a kind added to shared/kinds/registry.ts). */
  rows?(kind: SheetKind, communeId: string): AsyncIterable<unknown[]>;
}

async function* noPages(): AsyncGenerator<never[]> {}

/** A kind's pages of a commune's rows, from the source. */
export function kindPages<K extends SheetKind>(source: WorkbookSource, kind: K, communeId: string): AsyncIterable<RecordOf<K>[]>;
export function kindPages(source: WorkbookSource, kind: SheetKind, communeId: string): AsyncIterable<unknown[]> {
  const named: Partial<Record<string, (communeId: string) => AsyncIterable<unknown[]>>> = {
    households: (id) => source.households(id),
    beneficiaries: (id) => source.beneficiaries(id),
    progress: (id) => source.progress(id),
  };
  const pages = named[kind];
  return pages ? pages(communeId) : (source.rows?.(kind, communeId) ?? noPages());
}

/** A kind's previous annual list of a commune: the households' (the start of the year); no other kind has one. */
export function previousPages(source: WorkbookSource, kind: SheetKind, communeId: string): AsyncIterable<unknown[]> {
  return kind === 'households' ? source.previousHouseholds(communeId) : noPages();
}
