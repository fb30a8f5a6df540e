import { beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import { type PastMarketData, takeSnapshotAsOf } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary, type TemplateLibrary } from '../../src/briefing/template-library.ts';
import type { MarketService } from '../../src/market/market-service.ts';
import { renderText } from '../../src/render/render-text.ts';
import { fixtureMarket } from './golden-snapshot.ts';

let market: MarketService;
let library: TemplateLibrary;
beforeAll(async () => {
  market = fixtureMarket();
  library = await loadTemplateLibrary();
});

async function replay(asOf: string, name = 'morning', past?: PastMarketData): Promise<string> {
  const template = library.get(name);
  if (!template) throw new Error(`no template ${name}`);
  const snapshot = await takeSnapshotAsOf(market, asOf, past);
  return renderText(composeBrief({ snapshot, template, timeZone: 'Asia/Tokyo' }));
}

describe('replaying a past day', () => {
  it('shows the JGB curve of 2026-01-20: the 10Y at a 27-year high, the 30Y at a record, the 40Y up six sigma', async () => {
    const text = await replay('2026-01-20');
    expect(text).toContain('Morning brief · Tuesday, January 20, 2026');
    expect(text).toContain('JGB curve (Jan 20, 2026)');
    expect(text).toMatch(/40Y\s+3\.901%\s+\+18\.0/);
    expect(text).toContain('JGB 10Y 2.330% (+6.4 bp), highest since Feb 5, 1999');
    expect(text).toContain('JGB 40Y 3.901% (+18.0 bp, +6.0σ); 30s40s +13.6 bp');
    expect(text).toContain(
      'JGB 30Y +20.3 bp to 3.765%, a +7.9σ move, a record high (data from Sep 2, 1999).',
    );
  });

  it('says prices and headlines are not available for past dates until a history store answers', async () => {
    const text = await replay('2026-01-20');
    expect(text).toContain('Replay of Jan 20, 2026');
    expect(text).toContain(
      'Unavailable: Gold, WTI crude, XRP, Bitcoin, USD/JPY (not available for past dates).',
    );
    expect(text).toContain('Headlines unavailable: not available for past dates.');
    expect(text).not.toContain('78,494');
  });

  it('takes prices of the day from a history store when one is given', async () => {
    const past: PastMarketData = {
      async quoteOn(asset, date) {
        if (asset !== 'gold' || date !== '2026-01-20') return undefined;
        const source = { id: 'history', name: 'briefbot history' };
        const quote = {
          asset,
          price: 4_321.5,
          asOf: new Date('2026-01-20T21:00:00Z'),
          kind: 'spot' as const,
          source,
        };
        return { value: quote, source, fetchedAt: new Date('2026-01-20T21:00:00Z'), stale: false };
      },
      headlinesOn: async () => undefined,
    };
    const text = await replay('2026-01-20', 'morning', past);
    expect(text).toMatch(/Gold\s+4,321\.50/);
    expect(text).toContain('Gold: briefbot history, spot, as of Jan 21, 2026, 06:00 JST');
  });

  it('shows the last published curve before a holiday, and says when the series had not begun', async () => {
    expect(await replay('2026-01-01')).toContain('JGB curve (Dec 30, 2025)');
    const early = await replay('1970-01-05');
    expect(early).toContain('JGB curve unavailable: no data yet.');
  });
});
