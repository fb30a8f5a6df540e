import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.ts';
import { feedDisplayName, parseFeed } from '../../src/news/parse-feed.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rss/${name}`, import.meta.url), 'utf8');

const CNBC_URL = 'https://www.cnbc.com/id/100727362/device/rss/rss.html';
const GOOGLE_URL =
  'https://news.google.com/rss/search?q=site:reuters.com%20markets&hl=en-SG&gl=SG&ceid=SG:en';
const SA_URL = 'https://seekingalpha.com/symbol/AAPL.xml';

describe('parseFeed on the CNBC capture', () => {
  const items = parseFeed(fixture('cnbc_international_top.2026-03-08.xml'), CNBC_URL);

  it('returns all 30 items in feed order', () => {
    expect(items).toHaveLength(30);
    expect(items[0]?.url).toBe('https://www.cnbc.com/2026/03/08/crude-oil-prices-today-iran-war.html');
  });

  it('decodes &apos; entities in titles', () => {
    expect(items[0]?.title).toBe(
      "Oil surges above $100 a barrel; Trump says 'small price to pay' for defeating Iran",
    );
    expect(items.some((item) => /&\w+;|&#/.test(item.title))).toBe(false);
  });

  it('trims the trailing spaces some CNBC titles carry', () => {
    expect(items.every((item) => item.title === item.title.trim())).toBe(true);
    expect(items[9]?.title).toBe(
      'Inside India newsletter: Energy, airlines and now over $50 billion in remittances to India at risk as Middle East conflict deepens',
    );
  });

  it('dates each item at the instant in its pubDate, out of order as the feed has them', () => {
    expect(items[0]?.publishedAt?.toISOString()).toBe('2026-03-08T23:58:37.000Z');
    expect(items[5]?.title).toBe(
      "Register now: Applications open for the World's Top Fintech Companies 2026",
    );
    expect(items[5]?.publishedAt?.toISOString()).toBe('2026-02-24T23:08:25.000Z');
    expect(items[6]?.publishedAt?.toISOString()).toBe('2026-03-07T13:05:42.000Z');
    expect(items.every((item) => item.publishedAt instanceof Date)).toBe(true);
  });

  it('qualifies the opaque numeric guid with the feed host', () => {
    expect(items[0]?.id).toBe('www.cnbc.com#108275158');
  });

  it('names the source after the channel title, or after the configured feed name', () => {
    expect(items[0]?.source).toBe('International: Top News And Analysis');
    const named = parseFeed(fixture('cnbc_international_top.2026-03-08.xml'), CNBC_URL, { feedName: 'CNBC' });
    expect(new Set(named.map((item) => item.source))).toEqual(new Set(['CNBC']));
  });

  it('tags topics from the title', () => {
    expect(items[0]?.topics).toEqual(['oil']);
    expect(items.find((item) => item.title.startsWith('U.S. payrolls'))?.topics).toEqual(['macro']);
  });
});

describe('parseFeed on the Google News capture', () => {
  const items = parseFeed(fixture('google_news_search.2026-03-15.xml'), GOOGLE_URL);

  it('returns all 100 items', () => {
    expect(items).toHaveLength(100);
  });

  it('trims the re-indented whitespace around links and guids', () => {
    expect(items[0]?.url).toBe(
      'https://news.google.com/rss/articles/CBMi4gFBVV95cUxNLXhGZnp2dmlvd2YyWC1qQVFVQm54M3pmN0pPZUVNRDJvSUR2cW1yMmFKdVQ1dXdDenFuM0tVT1BYM1FFQnVCY0Y3b0RpYTlpT2JISnZYTkYwNDRJWDByQi13WFM0TzFTSmpHUk9mRXhLSGNsenFkUEdVWWFidjUzR0FIOWJTRjF1YVQyWnhTMG9kZmN3SVJ4MzRyd3BJbFRQaG0wRTk1RW9oRTMxRHdVVXhpalNmSGlLdUNLWF9ybjlFWmdKSVoxTGs5ZDhWS09VT3VGVndIcGJWVGxJakU5OWlR?oc=5',
    );
    expect(items[0]?.id).toBe(
      'news.google.com#CBMi4gFBVV95cUxNLXhGZnp2dmlvd2YyWC1qQVFVQm54M3pmN0pPZUVNRDJvSUR2cW1yMmFKdVQ1dXdDenFuM0tVT1BYM1FFQnVCY0Y3b0RpYTlpT2JISnZYTkYwNDRJWDByQi13WFM0TzFTSmpHUk9mRXhLSGNsenFkUEdVWWFidjUzR0FIOWJTRjF1YVQyWnhTMG9kZmN3SVJ4MzRyd3BJbFRQaG0wRTk1RW9oRTMxRHdVVXhpalNmSGlLdUNLWF9ybjlFWmdKSVoxTGs5ZDhWS09VT3VGVndIcGJWVGxJakU5OWlR',
    );
    expect(items.every((item) => !/\s/.test(item.url) && !/\s/.test(item.id))).toBe(true);
  });

  it('keeps the news.google.com redirect links as they are', () => {
    expect(items.every((item) => item.url.startsWith('https://news.google.com/rss/articles/CBMi'))).toBe(
      true,
    );
  });

  it('moves the " - Publisher" suffix from the title into the source', () => {
    expect(items[0]?.title).toBe("Canada's labor market dips sharply in February, unemployment rate up");
    expect(new Set(items.map((item) => item.source))).toEqual(new Set(['Reuters']));
    expect(items.filter((item) => item.title.endsWith(' - Reuters')).map((item) => item.title)).toEqual([
      'Transcript - Reuters',
    ]);
  });

  it('collapses a title broken over lines before stripping the publisher', () => {
    expect(items[8]?.title).toBe(
      'Germany and five other biggest EU economies back centralised market supervision',
    );
  });

  it('dates items at the instant in their pubDate', () => {
    expect(items[0]?.publishedAt?.toISOString()).toBe('2026-03-13T12:33:03.000Z');
    expect(items[7]?.publishedAt?.toISOString()).toBe('2026-03-13T03:32:00.000Z');
  });

  it('tags topics on the title without the publisher', () => {
    expect(items[7]?.title).toBe('Japan ready to act against sharp yen swings, finance minister says');
    expect(items[7]?.topics).toEqual(['fx']);
    expect(items[23]?.topics).toEqual(['ust', 'oil']);
    expect(items[89]?.topics).toEqual(['gold', 'oil', 'fx']);
  });
});

describe('parseFeed on the SeekingAlpha capture', () => {
  const items = parseFeed(fixture('seekingalpha_symbol_AAPL.2026-03-08.xml'), SA_URL);

  it('returns all 20 items with -0400 and -0500 offsets applied', () => {
    expect(items).toHaveLength(20);
    expect(items[0]?.publishedAt?.toISOString()).toBe('2026-03-08T11:23:46.000Z');
    expect(items[1]?.publishedAt?.toISOString()).toBe('2026-03-07T14:07:13.000Z');
    expect(items[19]?.publishedAt?.toISOString()).toBe('2026-03-04T01:04:12.000Z');
  });

  it('decodes numeric character references', () => {
    expect(items[6]?.title).toBe(
      'BofA’s Michael Hartnett: ‘Don’t expect big upside from here’ in the markets',
    );
    expect(items[15]?.title).toBe('Hyperscalers have reached ‘peak negativity’ about capex – analyst');
  });

  it('keeps a " - " that is part of a title outside Google News', () => {
    expect(items[5]?.title).toBe("Apple's Agentic Moment Is Here - But It Isn't Siri");
  });

  it('shortens the long channel title to the publisher', () => {
    expect(items[0]?.source).toBe('Seeking Alpha');
  });
});

describe('parseFeed on an Atom feed (shape sample)', () => {
  const items = parseFeed(fixture('atom_shape_sample.xml'), 'https://atom.briefbot.invalid/feed.atom');

  it('reads entries, dropping the one without a link', () => {
    expect(items.map((item) => item.title)).toEqual([
      "Oil surges above $100 a barrel; Trump says 'small price to pay' for defeating Iran",
      'BofA’s Michael Hartnett: ‘Don’t expect big upside from here’ in the markets',
      'Oil jumps, dollar rallies with gold as conflict grips Middle East',
    ]);
  });

  it('prefers published, falls back to updated, and applies offsets', () => {
    expect(items.map((item) => item.publishedAt?.toISOString())).toEqual([
      '2026-03-08T23:58:37.000Z',
      '2026-03-06T15:46:33.000Z',
      '2026-03-02T08:00:00.000Z',
    ]);
  });

  it('takes the alternate link and resolves a relative one against the feed', () => {
    expect(items[0]?.url).toBe('https://www.cnbc.com/2026/03/08/crude-oil-prices-today-iran-war.html');
    expect(items[1]?.url).toBe('https://atom.briefbot.invalid/news/4561812-bofa-hartnett');
    expect(items[2]?.url).toBe('https://atom.briefbot.invalid/markets/oil-jumps-dollar-gold');
  });

  it('uses a URL id as a normalised link', () => {
    expect(items[1]?.id).toBe('atom.briefbot.invalid/news/4561812-bofa-hartnett');
    expect(items[2]?.topics).toEqual(['gold', 'oil', 'fx']);
  });
});

describe('parseFeed on the derived wire feed', () => {
  const items = parseFeed(fixture('derived_wire_repeats.xml'), 'https://wire.briefbot.invalid/rss');

  it('drops items without a title or a link', () => {
    expect(items).toHaveLength(5);
    expect(items.some((item) => item.url.endsWith('/untitled'))).toBe(false);
    expect(items.some((item) => item.title.startsWith('Why Japan'))).toBe(false);
  });

  it('leaves an item whose date names no zone undated', () => {
    const apple = items.find((item) => item.title === 'Apple takes wraps off new low-cost MacBook Neo');
    expect(apple).toBeDefined();
    expect(apple?.publishedAt).toBeUndefined();
    expect(apple && 'publishedAt' in apple).toBe(false);
  });

  it('uses a permalink guid as a normalised link', () => {
    expect(items[1]?.id).toBe('cnbc.com/2026/03/06/february-2026-jobs-report.html');
  });
});

describe('parseFeed on bodies that are not feeds', () => {
  const cases: [string, string][] = [
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><p>Checking</p></body></html>',
    ],
    ['a JSON body', '{"error":"not found"}'],
    ['an XML error document', '<?xml version="1.0"?><error><code>404</code></error>'],
    ['an empty body', ''],
  ];
  for (const [what, body] of cases) {
    it(`rejects ${what} as BAD_PAYLOAD with the feed URL`, () => {
      let caught: unknown;
      try {
        parseFeed(body, CNBC_URL);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SourceError);
      expect(caught).toMatchObject({
        code: 'BAD_PAYLOAD',
        context: { source: 'rss:www.cnbc.com', url: CNBC_URL },
      });
    });
  }

  it('returns no headlines for a valid feed with no items', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', CNBC_URL)).toEqual(
      [],
    );
  });

  it('drops an item whose link is not a web link', () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><title>Gold rises</title><link>javascript:alert(1)</link></item></channel></rss>';
    expect(parseFeed(xml, CNBC_URL)).toEqual([]);
  });

  it('strips tags and collapses whitespace in titles', () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><title><![CDATA[  Gold <b>hits</b>\n   record ]]></title><link>https://example.com/a</link></item></channel></rss>';
    expect(parseFeed(xml, CNBC_URL)[0]?.title).toBe('Gold hits record');
  });
});

describe('feedDisplayName', () => {
  it('keeps a short channel title as it is', () => {
    expect(feedDisplayName('  BBC News ', 'https://feeds.bbci.co.uk/news/business/rss.xml')).toBe('BBC News');
    expect(feedDisplayName('MarketWatch.com - Top Stories', 'https://feeds.content.dowjones.io/x')).toBe(
      'MarketWatch.com - Top Stories',
    );
  });

  it('shortens a long title to its brand', () => {
    expect(
      feedDisplayName(
        'CoinDesk: Bitcoin, Ethereum, XRP, Crypto News and Price Data',
        'https://www.coindesk.com/',
      ),
    ).toBe('CoinDesk');
    expect(feedDisplayName('AAPL - News and Analysis from Seeking Alpha', SA_URL)).toBe('Seeking Alpha');
  });

  it('truncates a long title that has no brand segment', () => {
    const name = feedDisplayName('a'.repeat(80), 'https://example.com/feed');
    expect(name).toHaveLength(40);
    expect(name.endsWith('…')).toBe(true);
  });

  it('names an untitled feed after its host', () => {
    expect(feedDisplayName('', 'https://www.cnbc.com/id/1/rss.html')).toBe('cnbc.com');
  });
});
