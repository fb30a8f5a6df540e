import { createAlertChecker } from '../src/alerts/alert-checker.ts';
import { createMemoryAlertRepository } from '../src/alerts/alert-repository.ts';
import type { AlertCondition, AlertSubject } from '../src/alerts/alert-rule.ts';
import { createMemoryPriceHistory } from '../src/alerts/observe-subject.ts';
import { createBriefbot } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createPosterRegistry } from '../src/delivery/poster-registry.ts';
import { JGB_TENORS, UST_TENORS } from '../src/domain/instruments.ts';
import { createLogger } from '../src/log/logger.ts';
import { startFakeMarket } from '../test/support/fake-market.ts';
import type { BenchResult } from './report.ts';
import { summarise, timeRuns } from './stats.ts';

/**
 * One alert of each kind on every JGB and Treasury tenor, gold and BTC (the instruments the fake
 * market serves), evaluated against a warm cache: the cost the refresher adds to each pass.
 */
export async function benchAlertEvaluation(): Promise<BenchResult> {
  const market = await startFakeMarket();
  try {
    const bot = createBriefbot(loadConfig(market.env), {
      log: createLogger('silent'),
      defaultMetrics: false,
      now: () => new Date('2026-05-01T00:00:00Z'),
    });
    const repository = createMemoryAlertRepository();
    const subjects: AlertSubject[] = [
      ...JGB_TENORS.map((tenor) => ({ kind: 'yield' as const, market: 'jp' as const, tenor })),
      ...UST_TENORS.map((tenor) => ({ kind: 'yield' as const, market: 'us' as const, tenor })),
      { kind: 'price', asset: 'gold' },
      { kind: 'price', asset: 'btc' },
    ];
    const conditions: AlertCondition[] = [
      { kind: 'above', level: 99 },
      { kind: 'below', level: -99 },
      { kind: 'move', size: 50 },
      { kind: 'sigma', size: 9 },
      { kind: 'record', years: 50 },
    ];
    let n = 0;
    for (const subject of subjects) {
      for (const condition of conditions) {
        n += 1;
        await repository.add({
          id: `a${n}`,
          platform: 'slack',
          channelId: 'C1',
          createdBy: 'U1',
          createdAt: '2026-01-01T00:00:00Z',
          subject,
          condition,
        });
      }
    }
    const checker = createAlertChecker({
      repository,
      market: bot.market,
      prices: createMemoryPriceHistory(),
      posters: createPosterRegistry(),
      log: bot.log,
      sigmaWindowDays: 60,
    });
    const summary = summarise(await timeRuns(200, 5, () => checker.checkAll()));
    return {
      alerts: n,
      instruments: subjects.length,
      checkAll: summary,
      summary: `${n} alerts on ${subjects.length} instruments: p50 ${summary.p50Ms.toFixed(2)} ms, p99 ${summary.p99Ms.toFixed(2)} ms per pass`,
      target: 'under 5 ms per data refresh (p50)',
      pass: summary.p50Ms < 5,
    };
  } finally {
    await market.close();
  }
}
