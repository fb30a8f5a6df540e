import { describe, expect, it } from 'vitest';
import { createMemoryPriceHistory, observeSubject } from '../../src/alerts/observe-subject.ts';
import type { Market } from '../../src/domain/instruments.ts';
import type { CurveHistory } from '../../src/domain/market-data.ts';
import type { MarketService } from '../../src/market/market-service.ts';

/** A market whose curve's last 10Y is the highest of all its rows. */
function marketWith(complete: boolean, goldPrice = 0): MarketService {
  const rows = [
    { date: '2025-01-02', yields: { '10y': 4.5 } },
    { date: '2025-06-02', yields: { '10y': 4.9 } },
    { date: '2026-01-20', yields: { '10y': 5.5 } },
  ];
  const source = { id: 'treasury', name: 'U.S. Department of the Treasury' };
  const curve = (market: Market): CurveHistory => ({ market, rows, source, complete });
  return {
    curve: async (market) => ({ value: curve(market), source, fetchedAt: new Date(0), stale: false }),
    quote: async (asset) => ({
      // A source like gold-api: a price and its time, no previous close.
      value: { asset, price: goldPrice, asOf: new Date('2026-03-02T14:00:00Z'), kind: 'spot', source },
      source,
      fetchedAt: new Date(0),
      stale: false,
    }),
    headlines: async () => {
      throw new Error('no headlines here');
    },
  };
}

describe('observing a yield for alerts', () => {
  it('calls the top of a partly loaded history a stretch of at least that long, not a series record', async () => {
    const subject = { kind: 'yield' as const, market: 'us' as const, tenor: '10y' as const };
    const partial = await observeSubject(subject, marketWith(false), createMemoryPriceHistory(), 60);
    expect(partial?.highest).toEqual({ since: '2025-01-02', record: false, atLeast: true });
    const whole = await observeSubject(subject, marketWith(true), createMemoryPriceHistory(), 60);
    expect(whole?.highest).toEqual({ since: '2025-01-02', record: true });
  });
});

describe('observing a price for alerts', () => {
  it('measures its change and σ from the closes briefbot recorded when the source gives no previous close', async () => {
    const prices = createMemoryPriceHistory();
    // Forty days of closes moving ±10 around 4,000, then a jump of 200 on 2026-03-02.
    const start = Date.parse('2026-01-21T00:00:00Z');
    for (let day = 0; day < 40; day += 1) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      await prices.record('gold', date, 4_000 + (day % 2 === 0 ? 10 : -10));
    }
    const observed = await observeSubject(
      { kind: 'price', asset: 'gold' },
      marketWith(true, 4_190),
      prices,
      60,
    );
    // From 3,990 on 2026-03-01: +200, +5.01%, and about 10σ of the recorded daily changes.
    expect(observed?.change).toBe(5.01);
    expect(observed?.sigma).toBeGreaterThan(9);
  });
});
