import { describe, expect, it } from 'vitest';
import { isCurveOutdated } from '../../src/market/curve-freshness.ts';

/** Noon in Tokyo on `date`. */
const tokyoNoon = (date: string) => new Date(`${date}T03:00:00Z`);

describe('an end-of-day curve is stale', () => {
  it('when more than two business days behind', () => {
    // Latest Monday 2026-01-19; Thursday is three business days on.
    expect(isCurveOutdated('jp', '2026-01-19', tokyoNoon('2026-01-21'))).toBe(false);
    expect(isCurveOutdated('jp', '2026-01-19', tokyoNoon('2026-01-22'))).toBe(true);
  });

  it('not over a weekend', () => {
    expect(isCurveOutdated('jp', '2026-01-16', tokyoNoon('2026-01-20'))).toBe(false);
  });

  it('not over Golden Week or New Year, whose holidays have nothing to publish', () => {
    // Friday 1 May; 4–6 May are holidays in Japan.
    expect(isCurveOutdated('jp', '2026-05-01', tokyoNoon('2026-05-06'))).toBe(false);
    // Wednesday 30 Dec; 31 Dec and 1 Jan are closed.
    expect(isCurveOutdated('jp', '2026-12-30', tokyoNoon('2027-01-04'))).toBe(false);
    // A Japanese holiday is a business day in New York.
    expect(isCurveOutdated('us', '2026-05-01', new Date('2026-05-06T17:00:00Z'))).toBe(true);
  });

  it('when months behind, whatever the calendar', () => {
    expect(isCurveOutdated('us', '2025-09-25', new Date('2026-03-16T00:00:00Z'))).toBe(true);
  });
});
