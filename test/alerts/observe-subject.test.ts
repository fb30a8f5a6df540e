import { describe, expect, it } from 'vitest';
import { createMemoryPriceHistory, observeSubject } from '../../src/alerts/observe-subject.ts';
import type { Market } from '../../src/domain/instruments.ts';
import type { CurveHistory } from '../../src/domain/market-data.ts';
import type { MarketService } from '../../src/market/market-service.ts';

/** A market whose curve's last 10Y is the highest of all its rows. */
function marketWith(complete: boolean): MarketService {
  const rows = [
    { date: '2025-01-02', yields: { '10y': 4.5 } },
    { date: '2025-06-02', yields: { '10y': 4.9 } },
    { date: '2026-01-20', yields: { '10y': 5.5 } },
  ];
  const source = { id: 'treasury', name: 'U.S. Department of the Treasury' };
  const curve = (market: Market): CurveHistory => ({ market, rows, source, complete });
  return {
    curve: async (market) => ({ value: curve(market), source, fetchedAt: new Date(0), stale: false }),
    quote: async () => {
      throw new Error('no prices here');
    },
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
