import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, googleNewsSearchUrl } from '../../src/news/default-feeds.ts';

describe('DEFAULT_FEEDS', () => {
  it('lists the publisher feeds and one Google News search per thin topic', () => {
    const hosts = DEFAULT_FEEDS.map((feed) => new URL(feed.url).host);
    expect(hosts).toEqual([
      'www.cnbc.com',
      'feeds.content.dowjones.io',
      'www.coindesk.com',
      'www3.nhk.or.jp',
      'feeds.bbci.co.uk',
      'news.google.com',
      'news.google.com',
      'news.google.com',
      'news.google.com',
    ]);
    expect(
      DEFAULT_FEEDS.filter((feed) => feed.url.includes('news.google.com')).map((feed) => feed.name),
    ).toEqual(['Google News (jgb)', 'Google News (gold)', 'Google News (oil)', 'Google News (xrp)']);
  });

  it('uses https everywhere and gives every feed a distinct URL and name', () => {
    expect(DEFAULT_FEEDS.every((feed) => feed.url.startsWith('https://'))).toBe(true);
    expect(new Set(DEFAULT_FEEDS.map((feed) => feed.url)).size).toBe(DEFAULT_FEEDS.length);
    expect(new Set(DEFAULT_FEEDS.map((feed) => feed.name)).size).toBe(DEFAULT_FEEDS.length);
  });
});

describe('googleNewsSearchUrl', () => {
  it('builds a US-English search feed URL with the query encoded', () => {
    expect(googleNewsSearchUrl('"gold price" OR bullion')).toBe(
      'https://news.google.com/rss/search?q=%22gold%20price%22%20OR%20bullion&hl=en-US&gl=US&ceid=US:en',
    );
    expect(new URL(googleNewsSearchUrl('JGB OR "Bank of Japan"')).searchParams.get('q')).toBe(
      'JGB OR "Bank of Japan"',
    );
  });
});
