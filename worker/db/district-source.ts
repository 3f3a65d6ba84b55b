import type { Region } from '../../shared/api.ts';
import { kindsDue, type Period, periodYear } from '../../shared/periods.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import type { WorkbookCommune, WorkbookSource, WorkbookSubmission } from '../workbook/source.ts';
import { reviewStatesOfRegion } from './reviews.ts';
import { type PartName, listRegionCommunes, plansOfRegion, readPartChunks, versionsWithKind } from './submissions.ts';

/** Pages (of 500 rows) read per D1 query while the rows are read. */
const CHUNKS_PER_QUERY = 4;

type Version = Awaited<ReturnType<typeof versionsWithKind>>[number];

/** Rows of one part of one submission, page by page: never more than a few pages held at once. */
async function* pagesOf<T>(db: D1Database, submissionId: string, part: PartName): AsyncGenerator<T[]> {
  for (let from = 0; ; from += CHUNKS_PER_QUERY) {
    const chunks = await readPartChunks(db, submissionId, part, from, CHUNKS_PER_QUERY);
    for (const chunk of chunks) yield JSON.parse(chunk) as T[];
    if (chunks.length < CHUNKS_PER_QUERY) return;
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

  const latest = new Map<string, Version | null>();
  const beneficiaryVersions = new Map<string, Version[]>();
  const previousList = new Map<string, Version | null>();
  const list: WorkbookCommune[] = [];
  for (const commune of communes) {
    const plan = plans.get(commune.id);
    if (!plan) continue;
    const review = reviews.get(commune.id);
    const accepted = review?.state === 'accepted' ? review.version : null;
    const merged = (versions: Version[]): Version[] =>
      options.acceptedOnly ? versions.filter((v) => accepted !== null && v.version <= accepted) : versions;
    const [households, beneficiaries, progress, previous] = await Promise.all([
      versionsWithKind(db, commune.id, period, 'households').then(merged),
      versionsWithKind(db, commune.id, period, 'beneficiaries').then(merged),
      versionsWithKind(db, commune.id, period, 'progress').then(merged),
      versionsWithKind(db, commune.id, `${year - 1}-Y`, 'households'),
    ]);
    latest.set(`${commune.id}|households`, households[0] ?? null);
    latest.set(`${commune.id}|progress`, progress[0] ?? null);
    beneficiaryVersions.set(commune.id, beneficiaries);
    previousList.set(commune.id, previous[0] ?? null);
    const used: [SheetKind, Version | undefined][] = [
      ['households', households[0]],
      ['beneficiaries', beneficiaries[0]],
      ['progress', progress[0]],
    ];
    const submissions: WorkbookSubmission[] = used.flatMap(([kind, v]) =>
      v ? [{ kind, version: v.version, receivedAt: v.receivedAt, late: v.late, checksum: v.checksum, rulePack: v.rulePack, submittedBy: v.submittedBy }] : [],
    );
    list.push({
      id: commune.id,
      name: commune.name,
      plan,
      submissions,
      missing: due.filter((k) => !used.some(([kind, v]) => kind === k && v)),
      reviewState: review?.state ?? 'missing',
    });
  }

  return {
    region: { id: region.id, name: region.name, level: region.level },
    period,
    generatedAt: now,
    communes: list,
    households: (id) => {
      const v = latest.get(`${id}|households`);
      return v ? pagesOf<HouseholdRecord>(db, v.id, 'households') : none<HouseholdRecord>();
    },
    previousHouseholds: (id) => {
      const v = previousList.get(id);
      return v ? pagesOf<HouseholdRecord>(db, v.id, 'households') : none<HouseholdRecord>();
    },
    // Each sub-project from the newest version that has it: older versions fill in only what newer ones lack.
    beneficiaries: (id) =>
      (async function* latestPerSubProject(): AsyncGenerator<BeneficiaryRecord[]> {
        const taken = new Set<string>();
        for (const v of beneficiaryVersions.get(id) ?? []) {
          const here = new Set<string>();
          for await (const page of pagesOf<BeneficiaryRecord>(db, v.id, 'beneficiaries')) {
            const rows = page.filter((r) => r.project !== null && !taken.has(r.project));
            for (const r of page) if (r.project !== null) here.add(r.project);
            if (rows.length > 0) yield rows;
          }
          for (const p of here) taken.add(p);
        }
      })(),
    progress: (id) => {
      const v = latest.get(`${id}|progress`);
      return v ? pagesOf<ProgressRecord>(db, v.id, 'progress') : none<ProgressRecord>();
    },
  };
}
