import * as z from 'zod';
import type { ReportingDeadlines } from './plans/plan.ts';
import { type SheetKind, STORED_KINDS } from './sheet-kind.ts';
import { endOfVietnamDay } from './vietnam-time.ts';

/** A report period: a quarter, the first six months, or the year (SPEC section 5). */
export const Period = z
  .string()
  .regex(/^\d{4}-(Q[1-4]|H1|Y)$/, 'Kỳ báo cáo phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
export type Period = z.infer<typeof Period>;

export type PeriodPart = keyof ReportingDeadlines;

export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}

export function periodPart(period: Period): PeriodPart {
  return period.slice(5) as PeriodPart;
}

const LAST_MONTH: Record<PeriodPart, number> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, H1: 6, Y: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period's last day as YYYY-MM-DD: rules that need a report date use it. */
export function periodLastDay(period: Period): string {
  const year = periodYear(period);
  const month = LAST_MONTH[periodPart(period)];
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The deadline day (YYYY-MM-DD) from the plan's reporting deadlines. */
export function periodDeadline(period: Period, deadlines: ReportingDeadlines): string {
  return `${periodYear(period)}-${deadlines[periodPart(period)]}`;
}

/** The last instant that is still on time: 23:59:59.999 Vietnam time on the deadline day. */
export function deadlineInstant(period: Period, deadlines: ReportingDeadlines): Date {
  const [y, m, d] = periodDeadline(period, deadlines).split('-').map(Number) as [number, number, number];
  return new Date(endOfVietnamDay(y, m, d));
}

export function isLate(period: Period, receivedAt: Date, deadlines: ReportingDeadlines): boolean {
  return receivedAt.getTime() > deadlineInstant(period, deadlines).getTime();
}

/** Which kinds are due, each by its own periods (shared/kinds/<kind>/): progress every period; households and beneficiaries with H1 and Y. */
export function kindsDue(period: Period): SheetKind[] {
  const part = periodPart(period);
  return STORED_KINDS.filter((k) => k.due.includes(part)).map((k) => k.id);
}

export function periodsOfYear(year: number): Period[] {
  return (['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'] as const).map((p) => `${year}-${p}`);
}
