import { POVERTY_REASONS } from '../kinds/reasons.ts';
import { INDICATORS } from '../standards/index.ts';
import { ratio, sumKnown } from './arithmetic.ts';
import { type CommuneInfo, CommuneTally } from './commune-tally.ts';
import { CrossCommuneIds } from './cross-commune-ids.ts';
import type {
  AnalysedCategory,
  ChangeFigures,
  CommuneFigures,
  DeprivationFigures,
  DistrictFigures,
  GroupFigures,
  MissingReport,
  ProjectFigures,
  SummaryFigures,
} from './figures.ts';

/**
 * The district's figures, streamed commune by commune: `commune(info)` gives the tally to feed
 * with that commune's records; `figures()` at the end adds the totals rows. The state is the
 * communes' counters and the ID numbers of the cross-commune duplicate check.
 */
export class DistrictTally {
  private readonly tallies: CommuneTally[] = [];
  private readonly ids = new CrossCommuneIds((i) => {
    const t = this.tallies[i];
    return { id: t?.info.id ?? '', name: t?.info.name ?? '' };
  });

  commune(info: CommuneInfo): CommuneTally {
    const tally = new CommuneTally(info, this.tallies.length, this.ids);
    this.tallies.push(tally);
    return tally;
  }

  figures(): DistrictFigures {
    const communes = this.tallies.map((t) => t.figures());
    const missing: MissingReport[] = [];
    for (const t of this.tallies) {
      for (const kind of t.info.missing) missing.push({ communeId: t.info.id, communeName: t.info.name, kind });
    }
    const projects = projectTotals(communes);
    return {
      communes,
      totals: {
        summary: summaryTotals(communes),
        changes: changeTotals(communes.map((c) => c.changes)),
        deprivations: [deprivationTotals(communes, 'poor'), deprivationTotals(communes, 'nearPoor')],
        groups: [groupTotals(communes, 'poor'), groupTotals(communes, 'nearPoor')],
        projects,
        projectsTotal: addProjects(null, null, null, projects),
      },
      duplicates: [...this.ids.pairs],
      missing,
    };
  }
}

function sumOf<T>(items: readonly T[], pick: (item: T) => number | null): number | null {
  return sumKnown(items.map(pick));
}

/** Totals are sums of what is known; rates are the ratio of the summed columns. */
function summaryTotals(communes: readonly CommuneFigures[]): SummaryFigures {
  const s = communes.map((c) => c.summary);
  const totalHouseholds = s.reduce((n, x) => n + x.totalHouseholds, 0);
  const poor = sumOf(s, (x) => x.poor);
  const nearPoor = sumOf(s, (x) => x.nearPoor);
  const newlyEscaped = sumOf(s, (x) => x.newlyEscaped);
  const allocated = sumOf(s, (x) => x.allocated);
  const disbursed = sumOf(s, (x) => x.disbursed);
  return {
    totalHouseholds,
    listed: sumOf(s, (x) => x.listed),
    poor,
    nearPoor,
    newlyEscaped,
    poorRate: ratio(poor, totalHouseholds),
    nearPoorRate: ratio(nearPoor, totalHouseholds),
    newlyEscapedRate: ratio(newlyEscaped, totalHouseholds),
    poorAtStart: sumOf(s, (x) => x.poorAtStart),
    poorTarget: s.reduce((n, x) => n + x.poorTarget, 0),
    poorReduced: sumOf(s, (x) => x.poorReduced),
    nearPoorAtStart: sumOf(s, (x) => x.nearPoorAtStart),
    nearPoorTarget: s.reduce((n, x) => n + x.nearPoorTarget, 0),
    nearPoorReduced: sumOf(s, (x) => x.nearPoorReduced),
    allocated,
    disbursed,
    disbursedRate: ratio(disbursed, allocated),
  };
}

/** The counts of ChangeFigures (all of it but the basis), in its order: each summed over the communes. */
const CHANGE_COUNTS = [
  'poorAtStart',
  'poorToOut',
  'poorToNearPoor',
  'nearPoorToPoor',
  'newPoor',
  'poorAtEnd',
  'nearPoorAtStart',
  'nearPoorToOut',
  'newNearPoor',
  'nearPoorAtEnd',
  'newlyEscaped',
  'unknownStart',
] as const satisfies readonly (keyof ChangeFigures)[];

function changeTotals(changes: readonly ChangeFigures[]): ChangeFigures {
  const bases = new Set(changes.map((c) => c.basis).filter((b) => b !== 'none'));
  const counts = Object.fromEntries(CHANGE_COUNTS.map((key) => [key, sumOf(changes, (c) => c[key])]));
  return {
    // One basis for the district only when every commune with a known start used it.
    basis: bases.size === 1 ? ([...bases][0] ?? 'none') : 'none',
    ...(counts as Record<(typeof CHANGE_COUNTS)[number], number | null>),
  };
}

function categoryIndex(category: AnalysedCategory): 0 | 1 {
  return category === 'poor' ? 0 : 1;
}

function deprivationTotals(communes: readonly CommuneFigures[], category: AnalysedCategory): DeprivationFigures {
  const d = communes.map((c) => c.deprivations[categoryIndex(category)]);
  const withIndicators = sumOf(d, (x) => x.withIndicators);
  const deprived = INDICATORS.map((_, i) => sumOf(d, (x) => x.deprived[i] ?? null));
  return {
    category,
    households: sumOf(d, (x) => x.households),
    withIndicators,
    deprived,
    shares: deprived.map((n) => ratio(n, withIndicators)),
  };
}

function groupTotals(communes: readonly CommuneFigures[], category: AnalysedCategory): GroupFigures {
  const g = communes.map((c) => c.groups[categoryIndex(category)]);
  return {
    category,
    households: sumOf(g, (x) => x.households),
    noWorkCapacity: sumOf(g, (x) => x.noWorkCapacity),
    meritFamily: sumOf(g, (x) => x.meritFamily),
    ethnicMinority: sumOf(g, (x) => x.ethnicMinority),
    withReasons: sumOf(g, (x) => x.withReasons),
    reasons: POVERTY_REASONS.map((_, i) => sumOf(g, (x) => x.reasons[i] ?? null)),
  };
}

function addProjects(code: string | null, name: string | null, lead: string | null, rows: readonly ProjectFigures[]): ProjectFigures {
  const allocated = sumOf(rows, (p) => p.allocated);
  const disbursed = sumOf(rows, (p) => p.disbursed);
  return {
    code,
    name,
    lead,
    listed: rows.reduce((n, p) => n + p.listed, 0),
    reported: sumOf(rows, (p) => p.reported),
    allocated,
    allocatedCentral: sumOf(rows, (p) => p.allocatedCentral),
    allocatedLocal: sumOf(rows, (p) => p.allocatedLocal),
    allocatedMobilised: sumOf(rows, (p) => p.allocatedMobilised),
    disbursed,
    disbursedRate: ratio(disbursed, allocated),
    status: null,
  };
}

/** One totals row per sub-project code, in the order the communes' plans list them. */
function projectTotals(communes: readonly CommuneFigures[]): ProjectFigures[] {
  const byCode = new Map<string | null, ProjectFigures[]>();
  for (const c of communes) {
    for (const p of c.projects) {
      const list = byCode.get(p.code);
      if (list) list.push(p);
      else byCode.set(p.code, [p]);
    }
  }
  const codes = [...byCode.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  return codes.map((code) => {
    const rows = byCode.get(code) ?? [];
    const first = rows[0];
    return addProjects(code, first?.name ?? null, first?.lead ?? null, rows);
  });
}
