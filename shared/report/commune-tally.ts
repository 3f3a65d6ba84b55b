import { POVERTY_REASONS } from '../kinds/reasons.ts';
import type { CommunePlan } from '../plans/plan.ts';
import type { BeneficiaryRecord } from '../rules/beneficiaries.ts';
import type { HouseholdRecord } from '../rules/households.ts';
import type { ProgressRecord } from '../rules/progress.ts';
import { type SheetKind, STORED_KINDS } from '../sheet-kind.ts';
import { INDICATORS } from '../standards/index.ts';
import { difference, ratio, sumKnown } from './arithmetic.ts';
import { ChangeTally } from './changes.ts';
import type { CrossCommuneIds } from './cross-commune-ids.ts';
import type {
  AnalysedCategory,
  CommuneFigures,
  DeprivationFigures,
  GroupFigures,
  KindStatus,
  ProjectFigures,
  SubmissionStatus,
} from './figures.ts';
import { isEthnicMinority } from './household-key.ts';

/** What the figures need to know of a commune besides its rows. */
export interface CommuneInfo {
  id: string;
  name: string;
  plan: CommunePlan;
  submissions: readonly { kind: SheetKind; version: number; receivedAt: string; late: boolean }[];
  /** Kinds due for the period and not received. */
  missing: readonly SheetKind[];
}

export const REPORT_KINDS: readonly SheetKind[] = STORED_KINDS.map((k) => k.id);

const INDICATOR_INDEX = new Map(INDICATORS.map((d, i) => [d.id, i]));
const REASON_INDEX = new Map<string, number>(POVERTY_REASONS.map((r, i) => [r.id, i]));

/** Per-category counters of one commune's list (poor, near-poor). */
class CategoryCounts {
  households = 0;
  withIndicators = 0;
  readonly deprived = new Array<number>(INDICATORS.length).fill(0);
  noWorkCapacity = 0;
  meritFamily = 0;
  ethnicMinority = 0;
  withReasons = 0;
  readonly reasons = new Array<number>(POVERTY_REASONS.length).fill(0);

  add(h: HouseholdRecord): void {
    this.households++;
    if (h.deprivations !== null) {
      this.withIndicators++;
      for (const id of h.deprivations) {
        const i = INDICATOR_INDEX.get(id);
        if (i !== undefined) this.deprived[i] = (this.deprived[i] ?? 0) + 1;
      }
    }
    if (h.noWorkCapacity) this.noWorkCapacity++;
    if (h.meritFamily) this.meritFamily++;
    if (isEthnicMinority(h.ethnicity) === true) this.ethnicMinority++;
    let anyReason = false;
    for (const id of h.reasons) {
      const i = REASON_INDEX.get(id);
      if (i === undefined) continue;
      this.reasons[i] = (this.reasons[i] ?? 0) + 1;
      anyReason = true;
    }
    if (anyReason) this.withReasons++;
  }
}

/** Money and counts of one sub-project in one commune. */
class ProjectCounts {
  listed = 0;
  reported: number | null = null;
  allocated: number | null = null;
  allocatedCentral: number | null = null;
  allocatedLocal: number | null = null;
  allocatedMobilised: number | null = null;
  disbursed: number | null = null;
  status: string | null = null;

  addProgress(p: ProgressRecord): void {
    this.reported = sumKnown([this.reported, p.beneficiaryCount]);
    // A row without a stated total still brings its sources.
    const total = p.allocatedTotal ?? sumKnown([p.allocatedCentral, p.allocatedLocal, p.allocatedMobilised]);
    this.allocated = sumKnown([this.allocated, total]);
    this.allocatedCentral = sumKnown([this.allocatedCentral, p.allocatedCentral]);
    this.allocatedLocal = sumKnown([this.allocatedLocal, p.allocatedLocal]);
    this.allocatedMobilised = sumKnown([this.allocatedMobilised, p.allocatedMobilised]);
    this.disbursed = sumKnown([this.disbursed, p.disbursed]);
    if (p.status !== null) this.status = p.status;
  }
}

/**
 * One commune's figures, streamed: give the previous annual list, then the households, the
 * beneficiaries and the progress rows, one record at a time; `figures()` at the end. Holds
 * counters only, plus the previous list until `endHouseholds()` (called by `figures()` at the
 * latest) drops it.
 */
export class CommuneTally {
  private listed = 0;
  private readonly byCategory = { poor: 0, nearPoor: 0, newlyEscaped: 0 };
  private readonly analysed: Record<AnalysedCategory, CategoryCounts> = { poor: new CategoryCounts(), nearPoor: new CategoryCounts() };
  private anyIndicators = false;
  private anyEthnicity = false;
  private anyReasons = false;
  private readonly changes = new ChangeTally();
  private readonly projects = new Map<string | null, ProjectCounts>();
  private progressRows = 0;

  constructor(
    readonly info: CommuneInfo,
    readonly index: number,
    private readonly ids: CrossCommuneIds,
  ) {}

  previousHousehold(record: HouseholdRecord): void {
    this.changes.previous(record);
  }

  /** `mergedRow`: where the household sits in the merged list, for the duplicate-ID check's report. */
  household(record: HouseholdRecord, mergedRow: number | null = null): void {
    this.listed++;
    this.changes.current(record);
    this.ids.note(record, this.index, mergedRow);
    if (record.deprivations !== null) this.anyIndicators = true;
    if (isEthnicMinority(record.ethnicity) !== null) this.anyEthnicity = true;
    if (record.reasons.length > 0) this.anyReasons = true;
    const c = record.category;
    if (c === null) return;
    this.byCategory[c]++;
    if (c === 'poor' || c === 'nearPoor') this.analysed[c].add(record);
  }

  /** The household list is complete: the changes are counted and the previous list dropped. */
  endHouseholds(): void {
    this.changes.finish(this.hasList());
  }

  beneficiary(record: BeneficiaryRecord): void {
    this.project(record.project).listed++;
  }

  progress(record: ProgressRecord): void {
    this.progressRows++;
    this.project(record.project).addProgress(record);
  }

  figures(): CommuneFigures {
    const { plan } = this.info;
    const hasList = this.hasList();
    const changes = this.changes.finish(hasList);
    const known = (n: number): number | null => (hasList ? n : null);
    const poor = known(this.byCategory.poor);
    const nearPoor = known(this.byCategory.nearPoor);
    const newlyEscaped = known(this.byCategory.newlyEscaped);
    const projects = this.projectFigures();
    const hasProgress = this.progressRows > 0;
    const allocated = hasProgress ? sumKnown(projects.map((p) => p.allocated)) : null;
    const disbursed = hasProgress ? sumKnown(projects.map((p) => p.disbursed)) : null;
    return {
      id: this.info.id,
      name: this.info.name,
      code: plan.commune.code,
      summary: {
        totalHouseholds: plan.totalHouseholds,
        listed: known(this.listed),
        poor,
        nearPoor,
        newlyEscaped,
        poorRate: ratio(poor, plan.totalHouseholds),
        nearPoorRate: ratio(nearPoor, plan.totalHouseholds),
        newlyEscapedRate: ratio(newlyEscaped, plan.totalHouseholds),
        poorAtStart: changes.poorAtStart,
        poorTarget: plan.targets.poorReduction,
        poorReduced: difference(changes.poorAtStart, poor),
        nearPoorAtStart: changes.nearPoorAtStart,
        nearPoorTarget: plan.targets.nearPoorReduction,
        nearPoorReduced: difference(changes.nearPoorAtStart, nearPoor),
        allocated,
        disbursed,
        disbursedRate: ratio(disbursed, allocated),
      },
      changes,
      deprivations: [this.deprivationFigures('poor', hasList), this.deprivationFigures('nearPoor', hasList)],
      groups: [this.groupFigures('poor', hasList), this.groupFigures('nearPoor', hasList)],
      projects,
      submissions: REPORT_KINDS.map((kind) => this.kindStatus(kind)),
    };
  }

  private hasList(): boolean {
    return this.listed > 0 || this.info.submissions.some((s) => s.kind === 'households');
  }

  private project(code: string | null): ProjectCounts {
    let p = this.projects.get(code);
    if (!p) {
      p = new ProjectCounts();
      this.projects.set(code, p);
    }
    return p;
  }

  private deprivationFigures(category: AnalysedCategory, hasList: boolean): DeprivationFigures {
    const c = this.analysed[category];
    if (!hasList) {
      const none = INDICATORS.map(() => null);
      return { category, households: null, withIndicators: null, deprived: none, shares: none };
    }
    const deprived = this.anyIndicators ? [...c.deprived] : INDICATORS.map(() => null);
    return {
      category,
      households: c.households,
      withIndicators: this.anyIndicators ? c.withIndicators : null,
      deprived,
      shares: deprived.map((n) => ratio(n, c.withIndicators)),
    };
  }

  private groupFigures(category: AnalysedCategory, hasList: boolean): GroupFigures {
    const c = this.analysed[category];
    if (!hasList) {
      return {
        category,
        households: null,
        noWorkCapacity: null,
        meritFamily: null,
        ethnicMinority: null,
        withReasons: null,
        reasons: POVERTY_REASONS.map(() => null),
      };
    }
    return {
      category,
      households: c.households,
      noWorkCapacity: c.noWorkCapacity,
      meritFamily: c.meritFamily,
      ethnicMinority: this.anyEthnicity ? c.ethnicMinority : null,
      withReasons: this.anyReasons ? c.withReasons : null,
      reasons: this.anyReasons ? [...c.reasons] : POVERTY_REASONS.map(() => null),
    };
  }

  /** The plan's sub-projects in plan order, then codes met only in the rows, then unresolved rows. */
  private projectFigures(): ProjectFigures[] {
    const planCodes = this.info.plan.subProjects.map((s) => s.code);
    const extra = [...this.projects.keys()].filter((k): k is string => k !== null && !planCodes.includes(k)).sort();
    const codes: (string | null)[] = [...planCodes, ...extra];
    if (this.projects.has(null)) codes.push(null);
    return codes.map((code) => {
      const sub = this.info.plan.subProjects.find((s) => s.code === code);
      const lead = sub ? (this.info.plan.units.find((u) => u.id === sub.lead)?.name ?? sub.lead) : null;
      const p = this.projects.get(code) ?? new ProjectCounts();
      return {
        code,
        name: sub?.name ?? null,
        lead,
        listed: p.listed,
        reported: p.reported,
        allocated: p.allocated,
        allocatedCentral: p.allocatedCentral,
        allocatedLocal: p.allocatedLocal,
        allocatedMobilised: p.allocatedMobilised,
        disbursed: p.disbursed,
        disbursedRate: ratio(p.disbursed, p.allocated),
        status: p.status,
      };
    });
  }

  /** The latest submission of the kind decides on time / late; none: missing when due, else not due. */
  private kindStatus(kind: SheetKind): KindStatus {
    let latest: CommuneInfo['submissions'][number] | null = null;
    for (const s of this.info.submissions) {
      if (s.kind === kind && (latest === null || Date.parse(s.receivedAt) > Date.parse(latest.receivedAt))) latest = s;
    }
    let status: SubmissionStatus;
    if (latest) status = latest.late ? 'late' : 'onTime';
    else status = this.info.missing.includes(kind) ? 'missing' : 'notDue';
    return { kind, status, receivedAt: latest?.receivedAt ?? null, version: latest?.version ?? null };
  }
}
