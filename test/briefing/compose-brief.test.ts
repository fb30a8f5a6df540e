import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPriceHistory } from '../../src/alerts/observe-subject.ts';
import { briefFor } from '../../src/briefing/brief-for.ts';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import { type Snapshot, takeSnapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary, type TemplateLibrary } from '../../src/briefing/template-library.ts';
import type { Document } from '../../src/domain/document.ts';
import type { Headline, Topic } from '../../src/domain/market-data.ts';
import { renderText } from '../../src/render/render-text.ts';
import { fixtureMarket, GOLDEN_TAKEN_AT, goldenSnapshot, withFailures } from './golden-snapshot.ts';

let snapshot: Snapshot;
let library: TemplateLibrary;
beforeAll(async () => {
  snapshot = await goldenSnapshot();
  library = await loadTemplateLibrary();
});

function brief(name: string, options: { snapshot?: Snapshot; timeZone?: string; locale?: string } = {}) {
  const template = library.get(name);
  if (!template) throw new Error(`no template ${name}`);
  return composeBrief({
    snapshot: options.snapshot ?? snapshot,
    template,
    timeZone: options.timeZone ?? 'Asia/Tokyo',
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

function withHeadlines(headlines: readonly Headline[]): Snapshot {
  const fetchedAt = GOLDEN_TAKEN_AT;
  return {
    ...snapshot,
    headlines: {
      ok: true,
      value: {
        value: { headlines, failed: [] },
        source: { id: 'rss', name: 'news feeds' },
        fetchedAt,
        stale: false,
      },
    },
  };
}

function headline(n: number, topics: readonly Topic[], title = `Story ${n} about markets`): Headline {
  return {
    id: `id-${n}`,
    title,
    url: `https://example.com/news/${n}`,
    source: 'Wire',
    publishedAt: new Date(GOLDEN_TAKEN_AT.getTime() - (n + 1) * 60_000),
    topics,
  };
}

const headlineTitles = (doc: Document) =>
  doc.blocks.flatMap((b) => (b.kind === 'headlines' ? b.items.map((i) => i.title) : []));

describe('a brief whose gold and oil sources are down', () => {
  it('still composes, marks gold and oil unavailable and keeps every other section intact', () => {
    const down = withFailures(snapshot, ['gold', 'wti', 'brent']);
    const text = renderText(brief('morning', { snapshot: down }));
    expect(text).toContain('⚠ Unavailable: Gold, WTI crude, XRP, USD/JPY (the source did not answer).');
    expect(text).not.toContain('2,952.50');
    // The curve, the other prices, the headlines and their sources are all still there.
    expect(text).toContain('JGB curve (Mar 13, 2026)');
    expect(text).toMatch(/10Y\s+2\.255%\s+\+5\.4/);
    expect(text).toMatch(/Bitcoin\s+78,494\s+-0\.75%/);
    expect(text).toContain('Japan, South Korea ready to act against FX volatility');
    expect(text).toContain('JGB curve: Ministry of Finance Japan, end-of-day, as of Mar 13, 2026');
    expect(text).toContain('Bitcoin: Kraken, spot, as of Mar 16, 2026, 09:00 JST');
  });

  it('says so in the themed brief too, theme by theme', () => {
    const text = renderText(
      brief('five-things', { snapshot: withFailures(snapshot, ['gold', 'wti', 'brent']) }),
    );
    expect(text).toContain('Gold: the source did not answer.');
    expect(text).toContain('WTI: the source did not answer.');
    expect(text).toContain('10Y 2.255% (+5.4 bp)');
  });
});

describe('the footer', () => {
  it('names every source the brief shows, each with its as-of time', () => {
    const notes = brief('morning').footer.map((n) => n.text);
    expect(notes).toEqual(
      expect.arrayContaining([
        'JGB curve: Ministry of Finance Japan, end-of-day, as of Mar 13, 2026',
        'US Treasuries: U.S. Department of the Treasury, end-of-day, as of Sep 25, 2025',
        'Gold: Yahoo Finance, futures, as of Feb 20, 2025, 20:35 JST (stale)',
        'Bitcoin: Kraken, spot, as of Mar 16, 2026, 09:00 JST',
        'Headlines: Reuters, fetched Mar 16, 2026, 09:00 JST',
      ]),
    );
  });

  it('marks stale figures as warnings and never shows them as current in the text', () => {
    const doc = brief('morning');
    expect(doc.footer.find((n) => n.text.startsWith('Gold:'))?.warning).toBe(true);
    expect(doc.footer.find((n) => n.text.startsWith('US Treasuries is stale'))?.warning).toBe(true);
    const bullets = doc.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : []));
    expect(bullets.join('\n')).not.toMatch(/Gold|UST 10Y/);
  });

  it('says a curve is stale because its source did not answer, with when its figures were fetched', () => {
    const jp = snapshot.curves.jp;
    if (!jp.ok) throw new Error('the golden snapshot has a JGB curve');
    const failing: Snapshot = {
      ...snapshot,
      curves: {
        ...snapshot.curves,
        jp: { ok: true, value: { ...jp.value, stale: true, fetchedAt: new Date('2026-03-15T22:10:00Z') } },
      },
    };
    const doc = brief('morning', { snapshot: failing });
    const note = doc.footer.find((n) => n.text.startsWith('JGB curve is stale'));
    expect(note).toEqual({
      text: 'JGB curve is stale: its source did not answer; showing data fetched Mar 16, 2026, 07:10 JST',
      warning: true,
    });
    // The US curve of the golden snapshot is both: its refresh failed, and it is months behind.
    const us = snapshot.curves.us;
    if (!us.ok) throw new Error('the golden snapshot has a US curve');
    const both = brief('morning', {
      snapshot: {
        ...failing,
        curves: { ...failing.curves, us: { ok: true, value: { ...us.value, stale: true } } },
      },
    }).footer.map((n) => n.text);
    expect(both.filter((text) => text.startsWith('US Treasuries is stale'))).toEqual([
      expect.stringContaining('its source did not answer'),
      'US Treasuries is stale: the latest published date is Sep 25, 2025',
    ]);
    const ja = brief('morning.ja', { snapshot: failing }).footer.map((n) => n.text);
    expect(ja).toContain(
      '日本国債は更新が遅れています：配信元が応答しないため、2026年3月16日 07:10 JST取得のデータを表示しています',
    );
  });

  it('shows times in the channel time zone', () => {
    const notes = brief('morning', { timeZone: 'America/New_York' }).footer.map((n) => n.text);
    expect(notes).toContain('Bitcoin: Kraken, spot, as of Mar 15, 2026, 20:00 EDT');
  });
});

describe('locale', () => {
  it('formats numbers and dates for the locale given, through Intl', () => {
    const text = renderText(brief('morning', { locale: 'de-DE', timeZone: 'Europe/Berlin' }));
    expect(text).toContain('Montag, 16. März 2026');
    // German puts a no-break space before the percent sign.
    expect(text).toContain('2,255\u00A0%');
    expect(text).toContain('78.494');
  });

  it('writes the Japanese brief in Japanese, with Japanese dates', () => {
    const doc = brief('morning.ja');
    expect(doc.title).toBe('朝のブリーフィング 2026年3月16日月曜日');
    expect(renderText(doc)).toContain('日本国債 (2026/03/13)');
    expect(doc.footer.map((n) => n.text)).toContain(
      'ビットコイン：Kraken、現物、2026年3月16日 09:00 JST時点',
    );
  });
});

describe('the LLM summary', () => {
  it('is shown as the lead paragraph in place of the template lead', () => {
    const template = library.get('morning');
    if (!template) throw new Error('no morning template');
    const text = 'Super-long JGBs sold off; the 40Y rose 18 bp.';
    const doc = composeBrief({
      snapshot,
      template,
      timeZone: 'Asia/Tokyo',
      summary: { kind: 'summary', text },
    });
    expect(doc.blocks[0]).toEqual({ kind: 'text', text });
    expect(renderText(doc)).not.toContain('JGB 7Y +5.6 bp to 1.902%');
  });

  it('when withheld, shows no lead and says why in the footer', () => {
    const template = library.get('morning');
    if (!template) throw new Error('no morning template');
    const summary = { kind: 'withheld', reason: 'a figure in it did not match the data' } as const;
    const doc = composeBrief({ snapshot, template, timeZone: 'Asia/Tokyo', summary });
    expect(doc.blocks[0]).toEqual({ kind: 'heading', text: 'The market minute' });
    expect(doc.footer.at(-1)).toEqual({ text: 'Summary withheld: a figure in it did not match the data' });
  });
});

describe('one brief for one audience (briefFor)', () => {
  it('asks for the summary with the very snapshot the brief shows, once', async () => {
    const seen: Snapshot[] = [];
    const { document, template } = await briefFor({
      market: fixtureMarket(),
      template: 'close',
      timeZone: 'Asia/Tokyo',
      now: () => GOLDEN_TAKEN_AT,
      library,
      summarize: async (taken) => {
        seen.push(taken);
        return { kind: 'summary', text: `Summary of ${taken.takenAt.toISOString()}` };
      },
    });
    expect(template.name).toBe('close');
    expect(seen).toHaveLength(1);
    expect(document.blocks[0]).toEqual({ kind: 'text', text: 'Summary of 2026-03-16T00:00:00.000Z' });
  });
});

describe('headlines', () => {
  it('never repeat within a brief, even when a story fits several themes', () => {
    const both = headline(0, ['oil', 'fx'], 'Oil and the yen both jump');
    const doc = brief('five-things', { snapshot: withHeadlines([both, headline(1, ['fx'])]) });
    const titles = headlineTitles(doc);
    expect(titles.filter((t) => t === 'Oil and the yen both jump')).toHaveLength(1);
    expect(titles).toContain('Story 1 about markets');
  });

  it('treat a story re-posted under another link as the same story', () => {
    const copy = { ...headline(5, ['fx'], 'Oil and the yen both jump'), id: 'other' };
    const doc = brief('five-things', {
      snapshot: withHeadlines([headline(0, ['oil'], 'Oil and the yen both jump'), copy]),
    });
    expect(headlineTitles(doc)).toEqual(['Oil and the yen both jump']);
  });

  it('are limited per topic, so one busy story cannot fill the list', () => {
    const many = Array.from({ length: 12 }, (_, n) => headline(n, ['jgb']));
    const doc = brief('morning', { snapshot: withHeadlines([...many, headline(20, ['gold'])]) });
    expect(headlineTitles(doc)).toEqual([
      'Story 0 about markets',
      'Story 1 about markets',
      'Story 20 about markets',
    ]);
  });

  it('leave out news older than three days and news on no market topic', () => {
    const old = {
      ...headline(1, ['jgb']),
      publishedAt: new Date(GOLDEN_TAKEN_AT.getTime() - 73 * 3_600_000),
    };
    const doc = brief('morning', { snapshot: withHeadlines([old, headline(2, [])]) });
    expect(headlineTitles(doc)).toEqual([]);
    expect(renderText(doc)).toContain('No recent headlines.');
  });

  it('say once that the feeds are down, however many headline lists the template has', () => {
    const down: Snapshot = { ...snapshot, headlines: { ok: false, reason: 'every feed failed' } };
    const doc = brief('five-things', { snapshot: down });
    const notices = doc.blocks.filter(
      (b) => b.kind === 'notice' && b.text.startsWith('Headlines unavailable'),
    );
    expect(notices).toEqual([{ kind: 'notice', text: 'Headlines unavailable: the source did not answer.' }]);
    expect(doc.footer).toContainEqual({
      text: 'Headlines unavailable: the source did not answer.',
      warning: true,
    });
  });
});

describe('price changes in a brief, with the closes serve records', () => {
  it('shows no change across a futures roll and says so, in English and in Japanese', async () => {
    const closes = createMemoryPriceHistory();
    // Yesterday's close of Yahoo's GC=F was the February contract; today's quote is April's.
    await closes.record('gold', '2025-02-19', 2_930, { source: 'yahoo', contract: 'Gold Feb 25' });
    const rolled = await takeSnapshot(fixtureMarket(), () => GOLDEN_TAKEN_AT, undefined, closes);
    expect(rolled.rolls).toEqual({ gold: { from: 'Gold Feb 25', to: 'Gold Apr 25' } });
    const gold = rolled.quotes.gold;
    expect(gold.ok && gold.value.value.reference).toBe(undefined);
    expect(renderText(brief('morning', { snapshot: rolled }))).toContain(
      'Gold: no change shown, the futures contract rolled from Gold Feb 25 to Gold Apr 25.',
    );
    expect(renderText(brief('morning', { snapshot: rolled, locale: 'ja' }))).toContain(
      '限月交代（Gold Feb 25 → Gold Apr 25）のため前日比は表示しません。',
    );
  });

  it('measures a price whose source gives no previous close from the last close of the same source', async () => {
    const closes = createMemoryPriceHistory();
    await closes.record('gold', '2025-02-19', 2_900, { source: 'yahoo', contract: 'Gold Apr 25' });
    const measured = await takeSnapshot(fixtureMarket(), () => GOLDEN_TAKEN_AT, undefined, closes);
    const gold = measured.quotes.gold;
    expect(measured.rolls).toBeUndefined();
    expect(gold.ok && gold.value.value.reference).toEqual({
      price: 2_900,
      label: 'the last price recorded on 2025-02-19 (UTC)',
    });
  });
});
