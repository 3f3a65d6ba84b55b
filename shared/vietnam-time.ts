/**
 * Vietnam's clock, the one deadlines are set in and every time GNBV shows is read on, whatever
 * the time zone of the computer or the Worker. Vietnam keeps UTC+7 all year (no daylight saving),
 * so no time-zone database is needed: an instant moved by the offset reads Vietnam's wall clock
 * in its UTC fields. This is the one place the offset is written.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface VietnamClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time on a Vietnamese wall clock at an instant. */
export function vietnamClock(at: Date | number): VietnamClock {
  const d = new Date((typeof at === 'number' ? at : at.getTime()) + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The last millisecond (epoch) of a Vietnamese calendar day: 23:59:59.999 Vietnam time. */
export function endOfVietnamDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day, 23, 59, 59, 999) - VIETNAM_OFFSET_MS;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "05/12/2024 14:30" (or "05/12/2024 14:30:07" with seconds) on Vietnam's clock, day first as officers write dates. */
export function vietnamDateTimeText(at: Date | number, withSeconds = false): string {
  const c = vietnamClock(at);
  const time = `${pad(c.hour)}:${pad(c.minute)}${withSeconds ? `:${pad(c.second)}` : ''}`;
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${time}`;
}

/** "05/12/2024": the day on Vietnam's clock at an instant. */
export function vietnamDateText(at: Date | number): string {
  return vietnamDateTimeText(at).slice(0, 10);
}
