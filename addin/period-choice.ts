import type { Period } from '../shared/periods.ts';
import { vietnamClock, vietnamDateTimeText } from '../shared/vietnam-time.ts';

/**
 * The period the pane proposes when neither the officer nor a sheet title names one: the quarter
 * of the day (in Vietnam), since a quarterly report is due within its own quarter.
 */
export function periodOn(at: Date): Period {
  const { year, month } = vietnamClock(at);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** "05/12/2024 08:00:00" on the Vietnamese clock; the text itself when it is not a time. */
export function vietnamDateTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : vietnamDateTimeText(at, true);
}

/** "2024-12-10" → "10/12/2024". */
export function dayText(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}
