import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedSource, Headline, SourceRef } from '../../src/domain/market-data.ts';
import { SourceError } from '../../src/errors.ts';
import { collectHeadlines, filterByTopic } from '../../src/news/collect-headlines.ts';
import { createRssFeedSource } from '../../src/news/create-rss-feed-source.ts';
import { createHttpClient } from '../../src/sources/http-client.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../support/fake-http-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rss/${name}`, import.meta.url));
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript</noscript></body></html>';

describe('collectHeadlines against a fake server', () => {
  let server: FakeHttpServer;
  const http = createHttpClient({ retries: 1, backoffBaseMs: 1, timeoutMs: 300 });

  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(async () => {
    await server.close();
  });

  function source(path: string, name: string): FeedSource {
    return createRssFeedSource({ http, url: `${server.baseUrl}${path}`, name });
  }

  it('returns the good feed and reports the one that 500s and the one that sends an HTML page', async () => {
    server.route('/good.xml', { headers: RSS, body: fixture('cnbc_international_top.2026-03-08.xml') });
    server.route('/down.xml', { status: 500, body: 'Internal Server Error' });
    server.route('/page.xml', { headers: { 'content-type': 'text/html' }, body: HTML_PAGE });
    const errors: [SourceRef, unknown][] = [];

    const result = await collectHeadlines(
      [source('/down.xml', 'Down'), source('/page.xml', 'Page'), source('/good.xml', 'CNBC')],
      {
        onError: (ref, error) => errors.push([ref, error]),
      },
    );

    expect(result.headlines).toHaveLength(30);
    expect(new Set(result.headlines.map((h) => h.source))).toEqual(new Set(['CNBC']));
    expect(result.headlines[0]?.publishedAt?.toISOString()).toBe('2026-03-08T23:58:37.000Z');
    expect(result.failed.map((ref) => ref.name)).toEqual(['Down', 'Page']);
    expect(errors.map(([ref]) => ref.name)).toEqual(['Down', 'Page']);
    expect(errors[0]?.[1]).toMatchObject({ code: 'HTTP_STATUS', context: { status: 500 } });
    expect(errors[1]?.[1]).toMatchObject({ code: 'WRONG_CONTENT' });
    expect(server.countFor('/down.xml')).toBe(2);
    expect(server.countFor('/page.xml')).toBe(1);
  });

  it('asks for a feed and names the source after its host', async () => {
    server.route('/good.xml', { headers: RSS, body: fixture('cnbc_international_top.2026-03-08.xml') });
    const feed = createRssFeedSource({ http, url: `${server.baseUrl}/good.xml` });
    const host = new URL(server.baseUrl).host;
    expect(feed.ref).toEqual({ id: `rss:${host}`, name: host });
    const items = await feed.fetchHeadlines();
    expect(items[0]?.source).toBe('International: Top News And Analysis');
    expect(server.requests[0]?.headers.accept).toContain('application/rss+xml');
  });

  it('dedupes and sorts across feeds', async () => {
    server.route('/cnbc.xml', { headers: RSS, body: fixture('cnbc_international_top.2026-03-08.xml') });
    server.route('/google.xml', { headers: RSS, body: fixture('google_news_search.2026-03-15.xml') });
    server.route('/wire.xml', { headers: RSS, body: fixture('derived_wire_repeats.xml') });
    const result = await collectHeadlines([
      source('/cnbc.xml', 'CNBC'),
      source('/google.xml', 'Google News'),
      source('/wire.xml', 'Wire'),
    ]);
    expect(result.failed).toEqual([]);
    expect(result.headlines).toHaveLength(131);
    expect(result.headlines.filter((h) => h.title.startsWith('Oil surges above $100 a barrel'))).toHaveLength(
      1,
    );
    // Google News items keep their publisher even though the feed has a configured name.
    expect(result.headlines[0]?.source).toBe('Reuters');
  });

  it('rejects an XML body that is not a feed as BAD_PAYLOAD', async () => {
    server.route('/error.xml', { body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>' });
    const failure = await source('/error.xml', 'S3')
      .fetchHeadlines()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect(failure).toMatchObject({ code: 'BAD_PAYLOAD', context: { url: `${server.baseUrl}/error.xml` } });
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const xml =
      '<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>NHK</title><item><title>日銀、国債買い入れを減額</title><link>https://www3.nhk.or.jp/news/a.html</link><pubDate>Mon, 09 Mar 2026 08:00:00 +0900</pubDate></item></channel></rss>';
    const bytes = Buffer.from(new Uint8Array(shiftJis(xml)));
    server.route('/nhk.xml', { headers: RSS, body: bytes });
    const items = await source('/nhk.xml', 'NHK').fetchHeadlines();
    expect(items[0]).toMatchObject({ title: '日銀、国債買い入れを減額', source: 'NHK', topics: ['jgb'] });
    expect(items[0]?.publishedAt?.toISOString()).toBe('2026-03-08T23:00:00.000Z');
  });

  it('returns an empty set with no failures for no feeds', async () => {
    expect(await collectHeadlines([])).toEqual({ headlines: [], failed: [] });
  });
});

describe('filterByTopic', () => {
  const items: Headline[] = [
    { id: '1', title: 'Oil up', url: 'https://a.com/1', source: 'A', topics: ['oil'] },
    { id: '2', title: 'Gold up', url: 'https://a.com/2', source: 'A', topics: ['gold'] },
    { id: '3', title: 'Oil and gold up', url: 'https://a.com/3', source: 'A', topics: ['gold', 'oil'] },
    { id: '4', title: 'Yen down', url: 'https://a.com/4', source: 'A', topics: ['fx'] },
  ];

  it('keeps the headlines about the topic, in order, up to the limit', () => {
    expect(filterByTopic(items, 'oil', 10).map((h) => h.id)).toEqual(['1', '3']);
    expect(filterByTopic(items, 'gold', 1).map((h) => h.id)).toEqual(['2']);
  });

  it('keeps every topic when none is given', () => {
    expect(filterByTopic(items, undefined, 3).map((h) => h.id)).toEqual(['1', '2', '3']);
  });

  it('returns nothing for a topic without headlines or a limit of zero', () => {
    expect(filterByTopic(items, 'xrp', 5)).toEqual([]);
    expect(filterByTopic(items, 'oil', 0)).toEqual([]);
  });
});

/** Shift_JIS bytes for the test text: ASCII as is, the rest through a reverse table of TextDecoder. */
function shiftJis(text: string): number[] {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis');
  for (let lead = 0x81; lead <= 0xef; lead += 1) {
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return [...text].flatMap((char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return [code];
    const bytes = table.get(char);
    if (!bytes) throw new Error(`no Shift_JIS bytes for ${char}`);
    return bytes;
  });
}
