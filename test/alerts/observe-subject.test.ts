import { describe, expect, it } from 'vitest';
import {
  createMemoryPriceHistory,
  observeSubject,
  type PriceHistory,
} from '../../src/alerts/observe-subject.ts';
import type { Market } from '../../src/domain/instruments.ts';
import type { CurveHistory, Quote } from '../../src/domain/market-data.ts';
import type { MarketService } from '../../src/market/market-service.ts';

/** A market whose curve's last 10Y is the highest of all its rows. */
/** A quote like gold-api's: a price and its time, no previous close; `extra` adds or changes fields. */
function marketWith(complete: boolean, goldPrice = 0, extra: Partial<Quote> = {}): MarketService {
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
      value: {
        asset,
        price: goldPrice,
        asOf: new Date('2026-03-02T14:00:00Z'),
        kind: 'spot',
        source: GOLD_API,
        ...extra,
      },
      source: extra.source ?? GOLD_API,
      fetchedAt: new Date(0),
      stale: false,
    }),
    headlines: async () => {
      throw new Error('no headlines here');
    },
  };
}

const GOLD_API = { id: 'gold-api', name: 'gold-api.com' };

/** Gold observed for alerts (σ over 60 days) from a quote like gold-api's, changed by `extra`. */
function observeGold(prices: PriceHistory, price: number, extra: Partial<Quote> = {}) {
  return observeSubject({ kind: 'price', asset: 'gold' }, marketWith(true, price, extra), prices, 60);
}

/** Gold-api closes from 2026-01-21, moving ±10 around 4,000 day after day. */
async function recordCalmDays(prices: PriceHistory, days: number): Promise<void> {
  const start = Date.parse('2026-01-21T00:00:00Z');
  for (let day = 0; day < days; day += 1) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    await prices.record('gold', date, 4_000 + (day % 2 === 0 ? 10 : -10), { source: 'gold-api' });
  }
}
const YAHOO = { id: 'yahoo', name: 'Yahoo Finance' };

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
    await recordCalmDays(prices, 40);
    const observed = await observeGold(prices, 4_190);
    // From 3,990 on 2026-03-01: +200, +5.01%, and about 10σ of the recorded daily changes.
    expect(observed?.change).toBe(5.01);
    expect(observed?.sigma).toBeGreaterThan(9);
  });

  it('measures no change from a close another source recorded: futures against spot is a basis', async () => {
    const prices = createMemoryPriceHistory();
    await prices.record('gold', '2026-02-27', 4_135, { source: 'yahoo', contract: 'Gold Apr 26' });
    const observed = await observeGold(prices, 4_100);
    expect(observed?.value).toBe(4_100);
    expect(observed?.change).toBeUndefined();
  });

  it('measures no change across a futures roll, though the source gives a previous close', async () => {
    const rolled = { source: YAHOO, kind: 'futures' as const, contract: 'Gold Jun 26' };
    const reference = { price: 4_180, label: 'previous close' };
    const prices = createMemoryPriceHistory();
    await prices.record('gold', '2026-02-27', 4_180, { source: 'yahoo', contract: 'Gold Apr 26' });
    const across = await observeGold(prices, 4_220, { ...rolled, reference });
    expect(across?.change).toBeUndefined();

    const same = createMemoryPriceHistory();
    await same.record('gold', '2026-02-27', 4_180, { source: 'yahoo', contract: 'Gold Jun 26' });
    const within = await observeGold(same, 4_220, { ...rolled, reference });
    expect(within?.change).toBe(0.96);
  });

  it('judges σ and records on the closes of its own source: a fallback day of futures is no move', async () => {
    const prices = createMemoryPriceHistory();
    await recordCalmDays(prices, 39);
    // gold-api was down on 2026-03-01 and Yahoo's future, 150 above spot, was recorded instead.
    await prices.record('gold', '2026-03-01', 4_150, { source: 'yahoo', contract: 'Gold Apr 26' });
    const observed = await observeGold(prices, 4_005);
    // Against the future, spot "fell" 145 (about 10σ); against its own last close it rose 15.
    expect(observed?.change).toBeUndefined();
    expect(Math.abs(observed?.sigma ?? 0)).toBeLessThan(3);
    // Highest since gold-api's own 4,010 of 2026-02-28, not since the future's 4,150 of 2026-03-01.
    expect(observed?.highest).toEqual({ kind: 'highest', since: '2026-02-28', record: false });
  });
});
