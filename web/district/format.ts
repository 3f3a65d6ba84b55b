import { endOfVietnamDay as lastMsOfVietnamDay, vietnamDateText, vietnamDateTimeText } from '../../shared/vietnam-time.ts';
import { lang } from './strings.ts';

/**
 * Numbers, times and sizes as officers read them. Times are shown in Vietnam time (UTC+7 all year)
 * whatever the computer's time zone, as the deadlines are.
 */

/** "09/12/2024 14:05" in Vietnam time; the text itself when it is not a time. */
export function vietnamDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : vietnamDateTimeText(ms);
}

/** "10/12/2024" from an instant, in Vietnam time. */
export function vietnamDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : vietnamDateText(ms);
}

/** "10/12/2024" from a calendar day "2024-12-10". */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** The last on-time instant of a deadline day: 23:59:59.999 Vietnam time. */
export function endOfVietnamDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? lastMsOfVietnamDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "muộn 3 ngày 4 giờ", "muộn 5 giờ 20 phút", "muộn 12 phút": the two largest units that are not zero. */
export function lateBy(seconds: number): string {
  const vi = lang() === 'vi';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const unit = (n: number, viWord: string, en: string): string => (vi ? `${n} ${viWord}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(unit(days, 'ngày', 'day'));
    if (hours > 0) parts.push(unit(hours, 'giờ', 'hour'));
  } else if (hours > 0) {
    parts.push(unit(hours, 'giờ', 'hour'));
    if (minutes > 0) parts.push(unit(minutes, 'phút', 'minute'));
  } else if (minutes > 0) {
    parts.push(unit(minutes, 'phút', 'minute'));
  }
  if (parts.length === 0) return vi ? 'muộn chưa tới 1 phút' : 'under a minute late';
  return vi ? `muộn ${parts.join(' ')}` : `${parts.join(' ')} late`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

function locale(): string {
  return lang() === 'vi' ? 'vi-VN' : 'en-GB';
}

export function count(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

/** A fraction as a percentage: 0.0076 → "0,76 %". */
export function percent(fraction: number): string {
  const digits = fraction !== 0 && Math.abs(fraction) < 0.1 ? 2 : 1;
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(fraction);
}

/** Whole đồng with grouping: "93.000.000". */
export function dong(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

/** Millions of đồng, for chart labels: 93 000 000 → "93", 1 250 000 → "1,3". */
export function millions(n: number): string {
  const m = n / 1_000_000;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: m !== 0 && Math.abs(m) < 10 ? 1 : 0 }).format(m);
}

/** "45,2 kB", "3,4 MB". */
export function bytes(n: number): string {
  const f = (x: number, unit: string): string => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(x)} ${unit}`;
  if (n < 1000) return f(n, 'B');
  if (n < 1_000_000) return f(n / 1000, 'kB');
  return f(n / 1_000_000, 'MB');
}
