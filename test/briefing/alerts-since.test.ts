import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { briefFor } from '../../src/briefing/brief-for.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

describe('the "since the last brief" section', () => {
  it('lists the alerts that fired overnight, oldest first, in the channel’s zone, before the data', async () => {
    const bot = createBriefbot(loadConfig(market.env), {
      log: createLogger('silent'),
      defaultMetrics: false,
    });
    const { document } = await briefFor({
      market: bot.market,
      timeZone: 'Asia/Tokyo',
      now: () => new Date('2026-05-01T00:00:00Z'),
      alertsSince: [
        { text: 'Alert: JGB 40Y moves 10 bp in a day', firedAt: new Date('2026-04-30T09:00:00Z') },
        { text: 'Alert: JGB 10Y above 2.5%', firedAt: new Date('2026-04-30T07:00:00Z') },
      ],
    });
    const text = renderText(document);
    const since = text.indexOf('Since the last brief');
    expect(since).toBeGreaterThan(0);
    expect(text.indexOf('16:00 JST Alert: JGB 10Y above 2.5%')).toBeGreaterThan(since);
    expect(text.indexOf('18:00 JST Alert: JGB 40Y moves 10 bp')).toBeGreaterThan(text.indexOf('16:00 JST'));
    expect(since).toBeLessThan(text.indexOf('JGB curve'));
  });

  it('is left out when nothing fired', async () => {
    const bot = createBriefbot(loadConfig(market.env), {
      log: createLogger('silent'),
      defaultMetrics: false,
    });
    const { document } = await briefFor({
      market: bot.market,
      timeZone: 'Asia/Tokyo',
      now: () => new Date('2026-05-01T00:00:00Z'),
      alertsSince: [],
    });
    expect(renderText(document)).not.toContain('Since the last brief');
  });
});
