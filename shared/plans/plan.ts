import * as z from 'zod';

/** Household categories the standard knows: poor (hộ nghèo), near-poor (hộ cận nghèo), newly escaped (hộ mới thoát nghèo). */
export const HouseholdCategory = z.enum(['poor', 'nearPoor', 'newlyEscaped']);
export type HouseholdCategory = z.infer<typeof HouseholdCategory>;

/** A unit that leads sub-projects, with the names officers write for it. */
export const PlanUnit = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
});
export type PlanUnit = z.infer<typeof PlanUnit>;

/** Month-day as "MM-DD" (a due date or deadline inside the plan year). */
export const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** Who a sub-project may serve, as data the beneficiary rules read. */
export const Eligibility = z.object({
  /** Text from the plan, shown to officers. */
  description: z.string(),
  /** The beneficiary must belong to a household of the commune's list. */
  requiresHousehold: z.boolean(),
  /** Household categories served (when requiresHousehold). */
  categories: z.array(HouseholdCategory),
  /** A person flagged disabled (người khuyết tật) is exempt from the household requirement. */
  disabledExempt: z.boolean(),
  /** Age limits in whole years at the support date; `maxAgeExceptWomen` exempts women (mothers). */
  minAge: z.number().int().nonnegative().optional(),
  maxAgeExclusive: z.number().int().positive().optional(),
  maxAgeExceptWomen: z.boolean().optional(),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const SubProject = z.object({
  /** Plan code, e.g. "DA3.2" (Tiểu dự án 2 thuộc Dự án 3). */
  code: z.string().regex(/^DA\d+(\.\d+)?$/),
  /** Project number and sub-project number ("DA3.2" → 3, 2; "DA2" → 2, null). */
  project: z.number().int().positive(),
  subProject: z.number().int().positive().nullable(),
  name: z.string().min(1),
  /** The parent project's name (Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng). */
  projectName: z.string().min(1),
  lead: z.string().min(1),
  partner: z.string().nullable(),
  eligibility: Eligibility,
  due: MonthDay,
});
export type SubProject = z.infer<typeof SubProject>;

/** The parts of a year a report covers: the quarters, the first six months (H1), the year (Y). */
export const PERIOD_PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'] as const;

/** Each period's deadline, "MM-DD". */
export const ReportingDeadlines = z.object(
  Object.fromEntries(PERIOD_PARTS.map((part) => [part, MonthDay])) as Record<(typeof PERIOD_PARTS)[number], typeof MonthDay>,
);
export type ReportingDeadlines = z.infer<typeof ReportingDeadlines>;

export const CommunePlan = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  year: z.number().int().min(2020).max(2100),
  commune: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    code: z.string().min(1),
    district: z.string().min(1),
    province: z.string().min(1),
    areaType: z.enum(['rural', 'urban']),
  }),
  villages: z.array(z.string().min(1)).min(1),
  totalHouseholds: z.number().int().positive(),
  /** Reduction targets for the year (Mục tiêu cụ thể). */
  targets: z.object({
    poorReduction: z.number().int().nonnegative(),
    nearPoorReduction: z.number().int().nonnegative(),
    noWorkCapacityHouseholds: z.number().int().nonnegative(),
    nearPoorWithWorkCapacity: z.number().int().nonnegative(),
  }),
  units: z.array(PlanUnit).min(1),
  subProjects: z.array(SubProject).min(1),
  deadlines: ReportingDeadlines,
  fundingSources: z.array(z.object({ id: z.enum(['central', 'local', 'mobilised']), name: z.string() })),
  /** Rule-pack override for the province (higher lines), if any. */
  standardOverride: z
    .object({
      incomeLine: z.object({ rural: z.number().positive(), urban: z.number().positive() }).partial().optional(),
      b1Line: z.object({ rural: z.number().positive(), urban: z.number().positive() }).partial().optional(),
    })
    .optional(),
  source: z.string(),
});
export type CommunePlan = z.infer<typeof CommunePlan>;
