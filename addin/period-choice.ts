import type { Period } from '../shared/periods.ts';

/** Vietnam keeps UTC+7 all year: no time-zone database is needed to show its clock. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface ClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time on a Vietnamese wall clock at an instant. */
export function vietnamClock(at: Date): ClockParts {
  const d = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

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
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const c = vietnamClock(at);
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

/** "2024-12-10" → "10/12/2024". */
export function dayText(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}
