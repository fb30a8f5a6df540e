import { describe, expect, it } from 'vitest';
import type { Asset, Market } from '../../src/domain/instruments.ts';
import type { CurveHistory, Quote } from '../../src/domain/market-data.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { HeadlineSet, MarketService, ReadOptions, Sourced } from '../../src/market/market-service.ts';
import { isWeekdayMarketOpen } from '../../src/market/refresh-plan.ts';
import { createRefresherService } from '../../src/market/refresher-service.ts';

/**
 * A market service double that records which reads the refresher made; a read that would take a
 * failing source's stale value instead of waiting for its refresh is recorded with a `!`.
 */
function recordingMarket(reads: string[]): MarketService {
  const mark = (read?: ReadOptions) => (read?.waitForRefresh === true ? '' : '!');
  const sourced = <T>(value: T): Sourced<T> => ({
    value,
    source: { id: 't', name: 't' },
    fetchedAt: new Date(0),
    stale: false,
  });
  return {
    async curve(market: Market, read?: ReadOptions) {
      reads.push(`curve:${market}${mark(read)}`);
      return sourced<CurveHistory>({ market, rows: [], source: { id: 't', name: 't' }, complete: true });
    },
    async quote(asset: Asset, read?: ReadOptions) {
      reads.push(`quote:${asset}${mark(read)}`);
      if (asset === 'gold') throw new Error('gold source down');
      return sourced({ asset } as unknown as Quote);
    },
    async headlines(read?: ReadOptions) {
      reads.push(`headlines${mark(read)}`);
      return sourced<HeadlineSet>({ headlines: [], failed: [] });
    },
  };
}

describe('the refresher', () => {
  it('polls every source once on a weekday, then only what has come due', async () => {
    const reads: string[] = [];
    let now = new Date('2026-01-20T01:00:00Z');
    const notified: string[] = [];
    const refresher = createRefresherService({
      market: recordingMarket(reads),
      log: createLogger('silent'),
      now: () => now,
      listeners: [(tasks) => void notified.push(...tasks.map((t) => t.key))],
    });
    expect(await refresher.runDue()).toBe(10);
    expect(reads).toContain('curve:jp');
    // Every read waits for its source, even one in its failure pause: the listeners read the result.
    expect(reads.filter((read) => read.endsWith('!'))).toEqual([]);
    expect(notified).toContain('quote:gold');

    reads.length = 0;
    now = new Date('2026-01-20T01:01:00Z');
    await refresher.runDue();
    expect(reads.sort()).toEqual(['quote:btc', 'quote:xrp']);
  });

  it('leaves weekend-closed markets alone on a Saturday but keeps crypto fresh', async () => {
    const reads: string[] = [];
    const refresher = createRefresherService({
      market: recordingMarket(reads),
      log: createLogger('silent'),
      now: () => new Date('2026-01-24T12:00:00Z'),
    });
    await refresher.runDue();
    expect(reads).toContain('quote:btc');
    expect(reads).not.toContain('quote:gold');
    expect(reads).toContain('curve:jp');
  });

  it('tells its listeners of each task as it is refreshed, so a slow source holds back only its own', async () => {
    const reads: string[] = [];
    const market = recordingMarket(reads);
    let release: () => void = () => undefined;
    const slowJp: MarketService = {
      ...market,
      async curve(which, read) {
        if (which === 'jp') await new Promise<void>((resolve) => (release = resolve));
        return market.curve(which, read);
      },
    };
    const notified: string[] = [];
    const refresher = createRefresherService({
      market: slowJp,
      log: createLogger('silent'),
      now: () => new Date('2026-01-20T01:00:00Z'),
      listeners: [(tasks) => void notified.push(...tasks.map((t) => t.key))],
    });
    const pass = refresher.runDue();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notified).toContain('quote:btc');
    expect(notified).not.toContain('curve:jp');
    release();
    expect(await pass).toBe(10);
    expect(notified).toHaveLength(10);
    expect(notified.at(-1)).toBe('curve:jp');
  });

  it('knows the weekend close runs from Friday 22:00 to Sunday 22:00 UTC', () => {
    expect(isWeekdayMarketOpen(new Date('2026-01-23T21:59:00Z'))).toBe(true);
    expect(isWeekdayMarketOpen(new Date('2026-01-23T22:00:00Z'))).toBe(false);
    expect(isWeekdayMarketOpen(new Date('2026-01-25T21:59:00Z'))).toBe(false);
    expect(isWeekdayMarketOpen(new Date('2026-01-25T22:00:00Z'))).toBe(true);
  });
});
