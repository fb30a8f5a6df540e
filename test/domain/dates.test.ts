import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInZone, isIsoDate, weekdaysBetween } from '../../src/domain/dates.ts';

/** The obvious day-by-day count, to check the arithmetic one against. */
function weekdaysSlow(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}

describe('dates', () => {
  it('counts weekdays exactly like walking the calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3, max: 400 }), (offset, span) => {
        const from = addDays('1990-01-01', offset);
        expect(weekdaysBetween(from, addDays(from, span))).toBe(weekdaysSlow(from, addDays(from, span)));
      }),
    );
  });

  it('gives the date in the zone, not in UTC', () => {
    expect(dateInZone(new Date('2026-01-19T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-01-20');
    expect(dateInZone(new Date('2026-01-20T03:00:00Z'), 'America/New_York')).toBe('2026-01-19');
  });

  it('clamps month arithmetic to the month end and validates dates', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
