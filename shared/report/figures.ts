import * as z from 'zod';
import type { SheetKind } from '../sheet-kind.ts';

/**
 * The figures of the district workbook's analysis sheets (SPEC section 6), one set per commune and
 * one for the totals row. Counts are households unless said otherwise; money is whole đồng; rates
 * and shares are fractions (0.25 = 25 %). `null` means "no data" (a list not submitted, a start of
 * year that cannot be known), never zero. The figures the district summary route sends
 * (Tổng hợp, Thiếu hụt, Dự án) are zod schemas, so shared/api.ts builds its answer from them.
 */

/** The two categories the analysis sheets break down: hộ nghèo, hộ cận nghèo. */
export const ANALYSED_CATEGORIES = ['poor', 'nearPoor'] as const;
export const AnalysedCategory = z.enum(ANALYSED_CATEGORIES);
export type AnalysedCategory = z.infer<typeof AnalysedCategory>;

/** A number of households (or of rows). */
const Count = z.number().int().nonnegative();

/** Where a commune's start-of-year categories came from. */
export type ChangeBasis =
  /** The sheet's "Phân loại đầu kỳ" column (used whenever any household of the list has one). */
  | 'beginningCategory'
  /** Matching the commune's previous annual list, where the sheet has no start-of-year column. */
  | 'previousList'
  /** No start of year known. */
  | 'none';

/** Tổng hợp. */
export const SummaryFigures = z.object({
  /** The plan's total households (tổng số hộ), the base of the rates. */
  totalHouseholds: Count,
  /** Households on the submitted list (any category). */
  listed: Count.nullable(),
  poor: Count.nullable(),
  nearPoor: Count.nullable(),
  newlyEscaped: Count.nullable(),
  poorRate: z.number().nullable(),
  nearPoorRate: z.number().nullable(),
  newlyEscapedRate: z.number().nullable(),
  /** Start of year (đầu năm), the plan's reduction target, and the result (start − now). */
  poorAtStart: Count.nullable(),
  poorTarget: z.number().int(),
  poorReduced: z.number().int().nullable(),
  nearPoorAtStart: Count.nullable(),
  nearPoorTarget: z.number().int(),
  nearPoorReduced: z.number().int().nullable(),
  /** Sums of the progress report's rows. */
  allocated: z.number().nullable(),
  disbursed: z.number().nullable(),
  disbursedRate: z.number().nullable(),
});
export type SummaryFigures = z.infer<typeof SummaryFigures>;

/** Diễn biến: changes over the year. Transition counts are null when the start is unknown. */
export interface ChangeFigures {
  basis: ChangeBasis;
  poorAtStart: number | null;
  /** Nghèo → thoát (no longer poor or near-poor, or gone from the list). */
  poorToOut: number | null;
  /** Nghèo → cận nghèo. */
  poorToNearPoor: number | null;
  /** Cận nghèo → nghèo. */
  nearPoorToPoor: number | null;
  /** Poor now, neither poor nor near-poor at the start (phát sinh mới, tái nghèo). */
  newPoor: number | null;
  poorAtEnd: number | null;
  nearPoorAtStart: number | null;
  /** Cận nghèo → thoát. */
  nearPoorToOut: number | null;
  /** Near-poor now, neither poor nor near-poor at the start. */
  newNearPoor: number | null;
  nearPoorAtEnd: number | null;
  /** Newly escaped now and not at the start: recognised during the year. */
  newlyEscaped: number | null;
  /** Households on the list whose start of year cannot be known (no start-of-year column, no previous list). */
  unknownStart: number | null;
}

/** Thiếu hụt, for one category. */
export const DeprivationFigures = z.object({
  category: AnalysedCategory,
  households: Count.nullable(),
  /** Households whose list carried the indicator columns (the base of the shares). */
  withIndicators: Count.nullable(),
  /** One per indicator, in the order of `INDICATORS` (D01…D12). */
  deprived: z.array(Count.nullable()),
  shares: z.array(z.number().nullable()),
});
export type DeprivationFigures = z.infer<typeof DeprivationFigures>;

/** Nhóm đối tượng, for one category. */
export interface GroupFigures {
  category: AnalysedCategory;
  households: number | null;
  noWorkCapacity: number | null;
  meritFamily: number | null;
  /** Null when no household of the list states an ethnicity. */
  ethnicMinority: number | null;
  /** Households with at least one reason marked; null when the list carries no reasons. */
  withReasons: number | null;
  /** One per reason, in the order of `POVERTY_REASONS`. */
  reasons: (number | null)[];
}

/** Dự án: one sub-project in one commune (or the district). */
export const ProjectFigures = z.object({
  /** Plan code ("DA3.2"); null for beneficiary rows whose sub-project was not resolved. */
  code: z.string().nullable(),
  name: z.string().nullable(),
  lead: z.string().nullable(),
  /** Rows of the beneficiary lists. */
  listed: Count,
  /** The progress report's count of beneficiaries (số đối tượng thụ hưởng). */
  reported: z.number().nullable(),
  allocated: z.number().nullable(),
  allocatedCentral: z.number().nullable(),
  allocatedLocal: z.number().nullable(),
  allocatedMobilised: z.number().nullable(),
  disbursed: z.number().nullable(),
  disbursedRate: z.number().nullable(),
  /** The progress report's status text (tình hình thực hiện), as written. */
  status: z.string().nullable(),
});
export type ProjectFigures = z.infer<typeof ProjectFigures>;

export type SubmissionStatus = 'onTime' | 'late' | 'missing' | 'notDue';

export interface KindStatus {
  kind: SheetKind;
  status: SubmissionStatus;
  /** ISO time of the latest submission of the kind. */
  receivedAt: string | null;
  version: number | null;
}

export interface CommuneFigures {
  id: string;
  name: string;
  code: string;
  summary: SummaryFigures;
  changes: ChangeFigures;
  /** Poor, then near-poor. */
  deprivations: [DeprivationFigures, DeprivationFigures];
  groups: [GroupFigures, GroupFigures];
  projects: ProjectFigures[];
  submissions: KindStatus[];
}

/** One household position: the commune (its index in the input), where it sits in the merged list, and its source row. */
export interface HouseholdPlace {
  communeIndex: number;
  communeId: string;
  communeName: string;
  /** Row in the merged household sheet, when the caller gave one. */
  mergedRow: number | null;
  /** Row in the commune's own sheet (the record's row). */
  sourceRow: number;
}

/** The same ID number on households of two communes (ID.DUPLICATE across communes). */
export interface DuplicateIdPair {
  idNumber: string;
  first: HouseholdPlace;
  second: HouseholdPlace & { sourceSheet: string; headName: string | null };
}

export interface MissingReport {
  communeId: string;
  communeName: string;
  kind: SheetKind;
}

export interface DistrictFigures {
  communes: CommuneFigures[];
  totals: {
    summary: SummaryFigures;
    changes: ChangeFigures;
    deprivations: [DeprivationFigures, DeprivationFigures];
    groups: [GroupFigures, GroupFigures];
    /** One per sub-project code across communes, in plan order. */
    projects: ProjectFigures[];
    /** Every sub-project together. */
    projectsTotal: ProjectFigures;
  };
  duplicates: DuplicateIdPair[];
  missing: MissingReport[];
}
