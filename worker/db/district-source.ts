import type { Region } from '../../shared/api.ts';
import { kindsDue, type Period, periodYear } from '../../shared/periods.ts';
import type { RecordShape } from '../../shared/kinds/record-shape.ts';
import { type RecordOf, type SheetKind, STORED_KINDS, storedKindOf } from '../../shared/sheet-kind.ts';
import type { WorkbookCommune, WorkbookSource, WorkbookSubmission } from '../workbook/source.ts';
import { reviewStatesOfRegion } from './reviews.ts';
import { type VersionOfRegion, listRegionCommunes, parsePage, plansOfRegion, readPartChunksWithin, versionsOfRegion } from './submissions.ts';

/**
 * Bytes of chunk bodies (JSON text) read per D1 query while the rows are read: a part's pages of 500
 * rows (a few hundred KB each) come several per query, and no more than this is held at once.
 */
export const PART_BYTES_PER_QUERY = 8 * 1024 * 1024;

/** Versions kept per commune and kind (the newest), as before the region-wide query. */
const VERSIONS_PER_KIND = 50;

type Version = VersionOfRegion;

/**
 * Rows of one kind of one submission, page by page, each read with the kind's record (a page that
 * does not match is STORED_DATA_INVALID): one query per budget of chunks, no query after the last.
 */
async function* pagesOf<K extends SheetKind>(db: D1Database, submissionId: string, kind: K): AsyncGenerator<RecordOf<K>[]> {
  const record = storedKindOf(kind).record as RecordShape<RecordOf<K>>;
  for (let from = 0; ; ) {
    const { chunks, last } = await readPartChunksWithin(db, submissionId, kind, from, PART_BYTES_PER_QUERY);
    if (chunks.length === 0) return;
    const first = from;
    from += chunks.length;
    // Parsed one at a time, and each text let go once its page is yielded.
    for (let seq = first; chunks.length > 0; seq++) yield parsePage(record, chunks.shift() as string, { submissionId, part: kind, seq });
    if (from > last) return;
  }
}

async function* none<T>(): AsyncGenerator<T[]> {}

/**
 * What the district's figures and its merged workbook are built from: for each commune of the
 * region with a plan for the period's year, its latest accepted submission of each kind (for
 * beneficiaries, of each sub-project) and its previous annual list; the rows are read from D1 page
 * by page when the source's iterators are read. Communes without a plan are left out: nothing can
 * be reported against them. Each commune carries the district's review of its report; with
 * `acceptedOnly`, only the reports the district accepted (đã duyệt) are merged, up to the version
 * accepted, and the other communes are listed with nothing received.
 */
export async function districtSource(
  db: D1Database,
  region: Region,
  period: Period,
  now: Date,
  options: { acceptedOnly?: boolean } = {},
): Promise<WorkbookSource> {
  const year = periodYear(period);
  const [communes, plans, reviews] = await Promise.all([
    listRegionCommunes(db, region.id),
    plansOfRegion(db, region.id, year),
    reviewStatesOfRegion(db, region.id, period),
  ]);
  const due = kindsDue(period);

  const previousPeriod = `${year - 1}-Y`;
  // One query for every commune's versions of the period and of the previous annual list.
  const byCommune = new Map<string, Version[]>();
  for (const v of await versionsOfRegion(db, region.id, [...new Set([period, previousPeriod])])) {
    const own = byCommune.get(v.communeId);
    if (own) own.push(v);
    else byCommune.set(v.communeId, [v]);
  }
  /** The commune's versions of a period containing a kind, newest first. */
  const versionsWithKind = (communeId: string, of: string, kind: SheetKind): Version[] =>
    (byCommune.get(communeId) ?? []).filter((v) => v.period === of && v.kinds.includes(kind)).slice(0, VERSIONS_PER_KIND);

  /** Each commune's versions of each kind the merge reads, newest first: `${communeId}|${kind}`. */
  const versionsOf = new Map<string, Version[]>();
  const previousList = new Map<string, Version | null>();
  const list: WorkbookCommune[] = [];
  for (const commune of communes) {
    const plan = plans.get(commune.id);
    if (!plan) continue;
    const review = reviews.get(commune.id);
    const accepted = review?.state === 'accepted' ? review.version : null;
    const merged = (versions: Version[]): Version[] =>
      options.acceptedOnly ? versions.filter((v) => accepted !== null && v.version <= accepted) : versions;
    const used = STORED_KINDS.map((k): [SheetKind, Version[]] => [k.id, merged(versionsWithKind(commune.id, period, k.id))]);
    for (const [kind, versions] of used) versionsOf.set(`${commune.id}|${kind}`, versions);
    previousList.set(commune.id, versionsWithKind(commune.id, previousPeriod, 'households')[0] ?? null);
    // The latest version of each kind (for beneficiaries, the newest; older ones may fill in sub-projects).
    const submissions: WorkbookSubmission[] = used.flatMap(([kind, [v]]) =>
      v ? [{ kind, version: v.version, receivedAt: v.receivedAt, late: v.late, checksum: v.checksum, rulePack: v.rulePack, submittedBy: v.submittedBy }] : [],
    );
    list.push({
      id: commune.id,
      name: commune.name,
      plan,
      submissions,
      missing: due.filter((k) => !used.some(([kind, versions]) => kind === k && versions.length > 0)),
      reviewState: review?.state ?? 'missing',
    });
  }

  /** A kind's rows of a commune: the latest version's, or each part from the newest version that has it. */
  function rows<K extends SheetKind>(kind: K, communeId: string): AsyncIterable<RecordOf<K>[]> {
    const versions = versionsOf.get(`${communeId}|${kind}`) ?? [];
    const partOf = storedKindOf(kind).partOf;
    if (partOf === undefined) return versions[0] ? pagesOf(db, versions[0].id, kind) : none();
    return (async function* latestPerPart(): AsyncGenerator<RecordOf<K>[]> {
      const taken = new Set<string>();
      for (const v of versions) {
        const here = new Set<string>();
        for await (const page of pagesOf(db, v.id, kind)) {
          const fresh = page.filter((r) => {
            const part = partOf(r);
            return part !== null && !taken.has(part);
          });
          for (const r of page) {
            const part = partOf(r);
            if (part !== null) here.add(part);
          }
          if (fresh.length > 0) yield fresh;
        }
        for (const p of here) taken.add(p);
      }
    })();
  }

  return {
    region: { id: region.id, name: region.name, level: region.level },
    period,
    generatedAt: now,
    communes: list,
    households: (id) => rows('households', id),
    previousHouseholds: (id) => {
      const v = previousList.get(id);
      return v ? pagesOf(db, v.id, 'households') : none();
    },
    beneficiaries: (id) => rows('beneficiaries', id),
    progress: (id) => rows('progress', id),
    rows,
  };
}
