import { describe, expect, it } from 'vitest';
import { deadlineInstant } from '../../shared/periods.ts';
import { ReportingDeadlines } from '../../shared/plans/plan.ts';
import { VIETNAM_OFFSET_MS, endOfVietnamDay, vietnamClock, vietnamDateText, vietnamDateTimeText } from '../../shared/vietnam-time.ts';

describe("Vietnam's clock", () => {
  it('is seven hours ahead of UTC all year, with no summer time', () => {
    expect(VIETNAM_OFFSET_MS).toBe(25_200_000);
    expect(vietnamClock(new Date('2024-06-30T16:59:59Z'))).toEqual({ year: 2024, month: 6, day: 30, hour: 23, minute: 59, second: 59 });
    expect(vietnamClock(Date.parse('2024-12-31T17:00:00Z'))).toEqual({ year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it('writes a time day first, with or without seconds', () => {
    expect(vietnamDateTimeText(new Date('2024-12-05T01:02:03Z'))).toBe('05/12/2024 08:02');
    expect(vietnamDateTimeText(Date.parse('2024-12-05T01:02:03Z'), true)).toBe('05/12/2024 08:02:03');
    expect(vietnamDateText(Date.parse('2024-12-09T17:30:00Z'))).toBe('10/12/2024');
  });

  it('ends a day at 23:59:59.999 Vietnam time, which is where a deadline ends', () => {
    expect(new Date(endOfVietnamDay(2024, 12, 10)).toISOString()).toBe('2024-12-10T16:59:59.999Z');
    const deadlines = ReportingDeadlines.parse({ Q1: '03-15', Q2: '06-15', Q3: '09-15', Q4: '12-15', H1: '06-20', Y: '12-10' });
    expect(deadlineInstant('2024-Y', deadlines).toISOString()).toBe('2024-12-10T16:59:59.999Z');
  });
});
