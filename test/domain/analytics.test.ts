import { describe, expect, it } from 'vitest';
import {
  analyseLevel,
  changeBasis,
  curveSpreads,
  extremeSince,
  indexOnOrBefore,
  MAX_GAP_DAYS,
  type Observation,
  sameOrigin,
  sigmaMove,
  toBp,
} from '../../src/domain/analytics.ts';
import { addDays } from '../../src/domain/dates.ts';

function series(values: readonly number[], start = '2026-01-01'): Observation[] {
  return values.map((value, i) => ({ date: addDays(start, i), value }));
}

describe('extremeSince', () => {
  it('names the most recent earlier date with a value greater than or equal to today', () => {
    const s = series([2.0, 2.5, 2.1, 2.2, 2.4]);
    expect(extremeSince(s, 4, 'highest')).toEqual({ kind: 'highest', since: '2026-01-02', record: false });
  });

  it('counts an equal earlier value as the date since', () => {
    const s = series([2.4, 2.0, 2.4]);
    expect(extremeSince(s, 2, 'highest').since).toBe('2026-01-01');
  });

  it('calls a value above every earlier one a record and names the series start', () => {
    const s = series([1, 2, 3]);
    expect(extremeSince(s, 2, 'highest')).toEqual({ kind: 'highest', since: '2026-01-01', record: true });
  });

  it('finds the lowest since in the same way', () => {
    const s = series([0.5, 1, 0.7, 0.6]);
    expect(extremeSince(s, 3, 'lowest')).toEqual({ kind: 'lowest', since: '2026-01-01', record: false });
  });
});

describe('sigmaMove', () => {
  it('divides today’s change by the sample standard deviation of the previous changes', () => {
    // Changes alternate +1, -1 (sample sd of [1,-1,1,-1] = sqrt(4/3)), then today +4.
    const s = series([0, 1, 0, 1, 0, 4]);
    const expected = 4 / Math.sqrt(4 / 3);
    expect(sigmaMove(s, 5, 4)).toBeCloseTo(expected, 10);
  });

  it('uses only the window of changes before today', () => {
    const s = series([100, 0, 1, 0, 1, 0, 4]);
    // With a window of 4 the -100 change is outside the window.
    expect(sigmaMove(s, 6, 4)).toBeCloseTo(4 / Math.sqrt(4 / 3), 10);
  });

  it('gives no figure when the history is too short or flat', () => {
    expect(sigmaMove(series([1, 2]), 1, 60)).toBeUndefined();
    expect(sigmaMove(series(Array.from({ length: 70 }, () => 1)), 69, 60)).toBeUndefined();
  });
});

describe('analyseLevel', () => {
  it('measures changes against the previous observation, a week and a month back', () => {
    const s = series(Array.from({ length: 40 }, (_, i) => 1 + i / 100));
    const a = analyseLevel(s, 39, 20);
    expect(a.date).toBe('2026-02-09');
    expect(a.change).toBeCloseTo(0.01, 12);
    expect(a.weekAgo?.date).toBe('2026-02-02');
    expect(a.changeWeek).toBeCloseTo(0.07, 12);
    expect(a.monthAgo?.date).toBe('2026-01-09');
    expect(a.changeMonth).toBeCloseTo(0.31, 12);
    expect(a.highest.record).toBe(true);
  });

  it('falls back to the last observation before a week ago when that day has no value', () => {
    const s: Observation[] = [
      { date: '2026-01-09', value: 1 },
      { date: '2026-01-12', value: 2 },
      { date: '2026-01-17', value: 3 },
    ];
    // A week before 2026-01-17 is 2026-01-10, a Saturday: the Friday value is used.
    expect(analyseLevel(s, 2, 60).weekAgo?.date).toBe('2026-01-09');
  });

  it('compares nothing across a gap longer than a market closure, and leaves such changes out of σ', () => {
    // Forty days of small moves, two years with no value, then forty more.
    const before = series(Array.from({ length: 40 }, (_, i) => 5 + (i % 2) / 100));
    const after = series(
      Array.from({ length: 40 }, (_, i) => 9 + (i % 2) / 100),
      addDays(before.at(-1)?.date ?? '2026-01-01', 730),
    );
    const s = [...before, ...after];
    const resumed = analyseLevel(s, 40, 60);
    expect(resumed.change).toBeUndefined();
    expect(resumed.changeWeek).toBeUndefined();
    expect(resumed.changeMonth).toBeUndefined();
    expect(resumed.sigma).toBeUndefined();
    // Forty days on, σ is measured again from the daily changes alone: the 4-point jump is not one.
    const later = analyseLevel([...s, { date: addDays(after.at(-1)?.date ?? '', 1), value: 9.2 }], 80, 60);
    expect(later.sigma).toBeGreaterThan(10);
    expect(MAX_GAP_DAYS).toBe(14);
    // Eleven days apart (Golden Week 2019) is still the previous business day.
    const holidays: Observation[] = [
      { date: '2019-04-26', value: -0.045 },
      { date: '2019-05-07', value: -0.049 },
    ];
    expect(analyseLevel(holidays, 1, 60).change).toBeCloseTo(-0.004, 12);
  });
});

describe('indexOnOrBefore', () => {
  it('finds the last index on or before a date, or -1', () => {
    const s = series([1, 2, 3]);
    expect(indexOnOrBefore(s, '2026-01-02')).toBe(1);
    expect(indexOnOrBefore(s, '2026-02-01')).toBe(2);
    expect(indexOnOrBefore(s, '2025-12-31')).toBe(-1);
  });
});

describe('spreads', () => {
  it('computes 2s10s, 10s30s and 30s40s in basis points with their daily change', () => {
    const today = { date: '2026-01-20', yields: { '2y': 1.22, '10y': 2.33, '30y': 3.88, '40y': 4.215 } };
    const before = { date: '2026-01-19', yields: { '2y': 1.2, '10y': 2.28, '30y': 3.7, '40y': 4.035 } };
    expect(curveSpreads(today, before)).toEqual([
      { name: '2s10s', bp: 111, changeBp: 3 },
      { name: '10s30s', bp: 155, changeBp: 13 },
      { name: '30s40s', bp: 33.5, changeBp: 0 },
    ]);
  });

  it('converts percent points to bp without binary noise', () => {
    expect(toBp(2.33 - 2.28)).toBe(5);
  });
});

describe('changeBasis', () => {
  const spot = { price: 4_100, asOf: new Date('2026-08-18T14:00:00Z'), source: { id: 'gold-api' } };
  const future = {
    price: 4_120,
    asOf: new Date('2026-08-18T14:00:00Z'),
    source: { id: 'yahoo' },
    contract: 'Gold Dec 26',
    reference: { price: 4_110, label: 'previous close' },
  };

  it("takes the source's own previous close, and the last close of the same source otherwise", () => {
    expect(changeBasis(future, [])).toEqual(future.reference);
    expect(changeBasis(spot, [{ date: '2026-08-17', value: 4_000, source: 'gold-api' }])).toEqual({
      price: 4_000,
      label: 'the last price recorded on 2026-08-17 (UTC)',
    });
  });

  it("counts a close recorded before origins were kept as the same source's", () => {
    expect(changeBasis(spot, [{ date: '2026-08-17', value: 4_000 }])).toEqual({
      price: 4_000,
      label: 'the last price recorded on 2026-08-17 (UTC)',
    });
    expect(sameOrigin({ date: '2026-08-17', value: 4_000 }, future)).toBe(true);
  });

  it('sees a roll whose new contract was already recorded the evening before, and not two days on', () => {
    // Yahoo named April from the session opening at 23:00 UTC on 2025-02-18, so the close kept for
    // that UTC day is April's, while the previous session bar at 01:00 UTC on the 19th is February's.
    const closes = [
      { date: '2025-02-17', value: 2_900, source: 'yahoo', contract: 'Gold Feb 25' },
      { date: '2025-02-18', value: 2_960, source: 'yahoo', contract: 'Gold Apr 25' },
    ];
    const quote = (at: string) => ({
      price: 2_965,
      asOf: new Date(at),
      source: { id: 'yahoo' },
      contract: 'Gold Apr 25',
      reference: { price: 2_930, label: 'previous close' },
    });
    expect(changeBasis(quote('2025-02-19T01:00:00Z'), closes)).toMatchObject({
      roll: { from: 'Gold Feb 25', to: 'Gold Apr 25' },
    });
    const later = [...closes, { date: '2025-02-19', value: 2_950, source: 'yahoo', contract: 'Gold Apr 25' }];
    expect(changeBasis(quote('2025-02-20T01:00:00Z'), later)).toEqual({
      price: 2_930,
      label: 'previous close',
    });
  });

  it('withholds the change across a roll, against another source, and with no recent close', () => {
    const rolled = changeBasis(future, [
      { date: '2026-08-17', value: 4_050, source: 'yahoo', contract: 'Gold Oct 26' },
    ]);
    expect(rolled).toMatchObject({ roll: { from: 'Gold Oct 26', to: 'Gold Dec 26' } });
    const other = changeBasis(spot, [
      { date: '2026-08-17', value: 4_135, source: 'yahoo', contract: 'Gold Dec 26' },
    ]);
    expect(other).toMatchObject({ withheld: expect.stringContaining('came from yahoo (Gold Dec 26)') });
    // Wednesday 2026-08-12 is four weekdays before Tuesday 2026-08-18.
    const old = changeBasis(spot, [{ date: '2026-08-12', value: 4_000, source: 'gold-api' }]);
    expect(old).toMatchObject({ withheld: expect.stringContaining('none in the last 3 weekdays') });
  });
});
