import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { RefreshTask } from '../../src/market/refresh-plan.ts';
import { recordHistory } from '../../src/serve/record-history.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

const quoteTask = (asset: string): RefreshTask => ({
  key: `quote:${asset}`,
  everyMs: 60_000,
  activeAt: () => true,
  kind: 'quote',
  target: asset,
});

describe('recording history after a refresh pass', () => {
  it("keeps each price's daily close, the day's last value winning, for sparklines and price records", async () => {
    const bot = createBriefbot(loadConfig({ ...market.env, DATABASE_URL: 'sqlite::memory:' }), {
      log: createLogger('silent'),
      defaultMetrics: false,
    });
    const listener = recordHistory(bot);
    // WTI has no source answering in the fake market: nothing is recorded for it, and nothing fails.
    const tasks = ['gold', 'btc', 'wti'].map(quoteTask);
    await listener(tasks);
    await listener(tasks);
    // Yahoo's GC=F payload is of 2025-02-20; Kraken's ticker has no time, so it is today's.
    // With where each came from: Yahoo's front-month gold future, Kraken's bitcoin.
    expect(await bot.store.history.series('gold')).toEqual([
      { date: '2025-02-20', value: 2952.5, source: 'yahoo', contract: 'Gold Apr 25' },
    ]);
    const btc = await bot.store.history.series('btc');
    expect(btc).toEqual([{ date: new Date().toISOString().slice(0, 10), value: 78_493.8, source: 'kraken' }]);
    expect(await bot.store.history.series('wti')).toEqual([]);
    await bot.store.close();
  });
});
