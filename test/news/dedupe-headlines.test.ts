import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Headline } from '../../src/domain/market-data.ts';
import { dedupeHeadlines } from '../../src/news/dedupe-headlines.ts';
import { normaliseLink } from '../../src/news/normalise-link.ts';
import { parseFeed } from '../../src/news/parse-feed.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rss/${name}`, import.meta.url), 'utf8');

const cnbc = parseFeed(
  fixture('cnbc_international_top.2026-03-08.xml'),
  'https://www.cnbc.com/id/100727362/device/rss/rss.html',
  {
    feedName: 'CNBC',
  },
);
const google = parseFeed(
  fixture('google_news_search.2026-03-15.xml'),
  'https://news.google.com/rss/search?q=markets',
);
const wire = parseFeed(fixture('derived_wire_repeats.xml'), 'https://wire.briefbot.invalid/rss');
const seekingAlpha = parseFeed(
  fixture('seekingalpha_symbol_AAPL.2026-03-08.xml'),
  'https://seekingalpha.com/symbol/AAPL.xml',
);

function headline(fields: Partial<Headline> & Pick<Headline, 'title'>): Headline {
  const url = fields.url ?? `https://example.com/${encodeURIComponent(fields.title)}`;
  return {
    id: fields.id ?? `example.com#${url}`,
    url,
    source: fields.source ?? 'Test',
    topics: fields.topics ?? [],
    ...fields,
  };
}

describe('normaliseLink', () => {
  it('lowercases the host and drops scheme, www, fragment and trailing slash', () => {
    expect(normaliseLink('https://WWW.CNBC.COM/2026/03/08/Oil.html/#comments')).toBe(
      'cnbc.com/2026/03/08/Oil.html',
    );
    expect(normaliseLink('http://cnbc.com/2026/03/08/Oil.html')).toBe('cnbc.com/2026/03/08/Oil.html');
    expect(normaliseLink('https://www.bbc.co.uk/')).toBe('bbc.co.uk');
  });

  it('drops tracking parameters and keeps the rest, sorted', () => {
    expect(
      normaliseLink(
        'https://example.com/a?utm_source=rss&b=2&utm_campaign=x&fbclid=abc&mod=mw_rss_topstories&a=1',
      ),
    ).toBe('example.com/a?a=1&b=2');
    expect(normaliseLink('https://seekingalpha.com/news/4560692-apple?source=feed_symbol_AAPL')).toBe(
      'seekingalpha.com/news/4560692-apple',
    );
    expect(normaliseLink('https://example.com/search?source=archive')).toBe(
      'example.com/search?source=archive',
    );
  });

  it('keeps the article key of a Google News redirect', () => {
    expect(normaliseLink('https://news.google.com/rss/articles/CBMi4gFBVV95?oc=5')).toBe(
      'news.google.com/rss/articles/CBMi4gFBVV95?oc=5',
    );
  });

  it('returns text that is not a URL trimmed, as its own key', () => {
    expect(normaliseLink('  not a url ')).toBe('not a url');
  });
});

describe('dedupeHeadlines across the real captures and the derived wire feed', () => {
  const merged = dedupeHeadlines([...cnbc, ...google, ...wire]);
  const find = (prefix: string) => merged.filter((item) => item.title.startsWith(prefix));

  it('merges the four repeats and keeps everything else', () => {
    expect(cnbc.length + google.length + wire.length).toBe(135);
    expect(merged).toHaveLength(131);
  });

  it('matches a link with tracking parameters, an uppercase host and a fragment to the original', () => {
    const oil = find('Oil surges above $100 a barrel');
    expect(oil).toHaveLength(1);
    expect(oil[0]).toMatchObject({
      source: 'CNBC',
      url: 'https://www.cnbc.com/2026/03/08/crude-oil-prices-today-iran-war.html',
      title: "Oil surges above $100 a barrel; Trump says 'small price to pay' for defeating Iran",
    });
    expect(oil[0]?.publishedAt?.toISOString()).toBe('2026-03-08T23:58:37.000Z');
  });

  it('matches a permalink guid with a trailing slash to the original link', () => {
    const payrolls = merged.filter((item) => /payrolls unexpectedly fell/.test(item.title));
    expect(payrolls).toHaveLength(1);
    expect(payrolls[0]?.id).toBe('www.cnbc.com#108274719');
  });

  it('matches titles that differ in punctuation and a " - Reuters" suffix, keeping the earlier copy', () => {
    const yen = find('Japan ready to act against sharp yen swings');
    expect(yen).toHaveLength(1);
    expect(yen[0]).toMatchObject({
      source: 'Reuters',
      title: 'Japan ready to act against sharp yen swings, finance minister says',
    });
    expect(yen[0]?.publishedAt?.toISOString()).toBe('2026-03-13T03:32:00.000Z');

    const stocks = find('Stocks dip');
    expect(stocks).toHaveLength(1);
    expect(stocks[0]).toMatchObject({
      source: 'Derived wire',
      title: 'Stocks dip; Treasury yields jump as oil pushes higher',
    });
    expect(stocks[0]?.publishedAt?.toISOString()).toBe('2026-03-11T21:45:00.000Z');
  });

  it('sorts newest first with undated items last', () => {
    const dated = merged.filter((item) => item.publishedAt !== undefined);
    expect(dated).toHaveLength(130);
    for (let i = 1; i < dated.length; i += 1) {
      expect(dated[i - 1]?.publishedAt?.getTime() ?? 0).toBeGreaterThanOrEqual(
        dated[i]?.publishedAt?.getTime() ?? 0,
      );
    }
    expect(merged[0]?.title).toBe('Just the beginning, says pole record-setter Antonelli');
    expect(merged[0]?.publishedAt?.toISOString()).toBe('2026-03-14T10:01:07.000Z');
    expect(merged.at(-1)?.title).toBe('Apple takes wraps off new low-cost MacBook Neo');
    expect(merged.at(-1)?.publishedAt).toBeUndefined();
  });

  it('matches a SeekingAlpha link from another symbol feed and keeps the dated copy', () => {
    const both = dedupeHeadlines([...wire, ...seekingAlpha]);
    const apple = both.filter((item) => item.title === 'Apple takes wraps off new low-cost MacBook Neo');
    expect(apple).toHaveLength(1);
    expect(apple[0]?.source).toBe('Derived wire');
    expect(both.every((item) => item.publishedAt !== undefined)).toBe(false);
  });

  it('treats the same guid from two feeds on one host as one item', () => {
    const international = parseFeed(
      fixture('cnbc_international_top.2026-03-08.xml'),
      'https://www.cnbc.com/id/100727362/device/rss/rss.html',
    );
    const usTop = parseFeed(
      fixture('cnbc_international_top.2026-03-08.xml'),
      'https://www.cnbc.com/id/100003114/device/rss/rss.html',
    );
    expect(dedupeHeadlines([...international, ...usTop])).toHaveLength(30);
  });

  it('leaves the 100 distinct Google News items alone', () => {
    expect(dedupeHeadlines(google)).toHaveLength(100);
  });
});

describe('dedupeHeadlines rules', () => {
  const t = (iso: string) => new Date(iso);

  it('merges the topics of repeats', () => {
    const out = dedupeHeadlines([
      headline({ title: 'Oil and gold rise together today', url: 'https://a.com/x', topics: ['oil'] }),
      headline({
        title: 'Other words entirely here',
        url: 'https://a.com/x?utm_medium=rss',
        topics: ['gold', 'fx'],
      }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.topics).toEqual(['gold', 'oil', 'fx']);
  });

  it('keeps the earlier published of two repeats, whichever came first', () => {
    const later = headline({
      title: 'Yen slides past 160 per dollar',
      source: 'Late',
      publishedAt: t('2026-03-13T05:00:00Z'),
    });
    const earlier = headline({
      title: 'Yen slides past 160 per dollar!',
      source: 'Early',
      publishedAt: t('2026-03-13T04:00:00Z'),
    });
    expect(dedupeHeadlines([later, earlier]).map((h) => h.source)).toEqual(['Early']);
    expect(dedupeHeadlines([earlier, later]).map((h) => h.source)).toEqual(['Early']);
  });

  it('keeps the first seen when either repeat is undated', () => {
    const first = headline({ title: 'Gold hits a new record high', source: 'First' });
    const second = headline({
      title: 'Gold hits a new record high',
      source: 'Second',
      publishedAt: t('2026-03-01T00:00:00Z'),
    });
    expect(dedupeHeadlines([first, second]).map((h) => h.source)).toEqual(['First']);
  });

  it('does not merge a recurring title published a week apart', () => {
    const out = dedupeHeadlines([
      headline({
        title: 'Wall Street Week Ahead',
        url: 'https://sa.com/1',
        publishedAt: t('2026-03-08T11:23:46Z'),
      }),
      headline({
        title: 'Wall Street Week Ahead',
        url: 'https://sa.com/2',
        publishedAt: t('2026-03-01T11:00:00Z'),
      }),
    ]);
    expect(out).toHaveLength(2);
  });

  it('does not merge titles too short to name one story', () => {
    const out = dedupeHeadlines([
      headline({ title: 'Deja vu?', url: 'https://a.com/1' }),
      headline({ title: 'Deja vu!', url: 'https://a.com/2' }),
    ]);
    expect(out).toHaveLength(2);
  });

  it('does not strip a " - " tail that names no publisher in the batch', () => {
    const out = dedupeHeadlines([
      headline({ title: 'Markets wrap for the day - Asia' }),
      headline({ title: 'Markets wrap for the day - Europe' }),
    ]);
    expect(out).toHaveLength(2);
  });

  it('keeps undated items in the order they came, after the dated ones', () => {
    const out = dedupeHeadlines([
      headline({ title: 'Undated story number one' }),
      headline({ title: 'Dated story from Monday', publishedAt: t('2026-03-02T00:00:00Z') }),
      headline({ title: 'Undated story number two' }),
      headline({ title: 'Dated story from Tuesday', publishedAt: t('2026-03-03T00:00:00Z') }),
    ]);
    expect(out.map((h) => h.title)).toEqual([
      'Dated story from Tuesday',
      'Dated story from Monday',
      'Undated story number one',
      'Undated story number two',
    ]);
  });

  it('returns an empty list for no items', () => {
    expect(dedupeHeadlines([])).toEqual([]);
  });
});
