import { ReportingDeadlines } from '../../shared/plans/plan.ts';
import referencePlan from '../../shared/plans/xuan-hoa-2024.json' with { type: 'json' };
import { type Period, deadlineInstant, periodPart, periodYear, periodsOfYear } from '../../shared/periods.ts';
import { RULE_PACKS } from '../../shared/standards/index.ts';
import { vietnamClock } from '../../shared/vietnam-time.ts';

/**
 * The periods the page offers and the one it opens on. The default is the latest period whose
 * deadline has passed, by the reporting schedule of the reference plan (SPEC section 2, plan
 * section VII: quarters by the 15th of their last month, six months by 20/06, the year by 10/12).
 * Each commune's own deadline, from its own plan, is what the status grid shows.
 */
const SCHEDULE: ReportingDeadlines = ReportingDeadlines.parse(referencePlan.deadlines);

/** The first review year the rule packs cover: nothing earlier can have been submitted. */
const FIRST_YEAR = Math.min(...RULE_PACKS.map((p) => p.years.from));

/** Order within a year, by deadline: Q1, Q2, H1, Q3, Y, Q4 under the reference schedule. */
function byDeadline(a: Period, b: Period): number {
  return deadlineInstant(a, SCHEDULE).getTime() - deadlineInstant(b, SCHEDULE).getTime();
}

export function vietnamYear(now: Date): number {
  return vietnamClock(now).year;
}

export interface PeriodOption {
  period: Period;
  year: number;
  /** Its deadline (under the reference schedule) is still ahead. */
  notDueYet: boolean;
}

/** Every period from the first covered year to this year, newest first (by deadline within a year). */
export function periodOptions(now: Date): PeriodOption[] {
  const out: PeriodOption[] = [];
  for (let year = vietnamYear(now); year >= FIRST_YEAR; year--) {
    for (const period of periodsOfYear(year).sort(byDeadline).reverse()) {
      out.push({ period, year, notDueYet: deadlineInstant(period, SCHEDULE).getTime() >= now.getTime() });
    }
  }
  return out;
}

/** The latest period whose deadline has passed (the oldest period when none has). */
export function defaultPeriod(now: Date): Period {
  const options = periodOptions(now);
  return (options.find((o) => !o.notDueYet) ?? (options.at(-1) as PeriodOption)).period;
}

export { periodPart, periodYear };
