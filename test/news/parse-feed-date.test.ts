import { readFileSync } from 'node:fs';
import { parseFeed as parseWithLibrary } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/news/parse-feed-date.ts';

const iso = (text: string) => parseFeedDate(text)?.toISOString();

describe('parseFeedDate', () => {
  it('reads an RFC 822 date without seconds, as in CNBC lastBuildDate', () => {
    expect(iso('Sun, 08 Mar 2026 22:16 GMT')).toBe('2026-03-08T22:16:00.000Z');
  });

  it('applies numeric offsets on both sides of a daylight-saving change', () => {
    expect(iso('Sun, 08 Mar 2026 07:23:46 -0400')).toBe('2026-03-08T11:23:46.000Z');
    expect(iso('Sat, 07 Mar 2026 09:07:13 -0500')).toBe('2026-03-07T14:07:13.000Z');
    expect(iso('Mon, 09 Mar 2026 08:00:00 +0900')).toBe('2026-03-08T23:00:00.000Z');
  });

  it('knows the US zone names and tolerates a missing weekday, a two-digit year and extra spaces', () => {
    expect(iso('Sun, 08 Mar 2026 07:23:46 EDT')).toBe('2026-03-08T11:23:46.000Z');
    expect(iso('8 Mar 26 07:23 EST')).toBe('2026-03-08T12:23:00.000Z');
    expect(iso('  Fri,  13 Mar 2026\n 12:33:03 GMT ')).toBe('2026-03-13T12:33:03.000Z');
  });

  it('reads Atom RFC 3339 dates with Z or an offset', () => {
    expect(iso('2026-03-08T23:58:37Z')).toBe('2026-03-08T23:58:37.000Z');
    expect(iso('2026-03-06T10:46:33.250-05:00')).toBe('2026-03-06T15:46:33.000Z');
    expect(iso('2026-03-02T17:00:00+09:00')).toBe('2026-03-02T08:00:00.000Z');
  });

  it('leaves a date without a zone undated rather than reading it in the server zone', () => {
    expect(parseFeedDate('Wed, 04 Mar 2026 09:09:42')).toBeUndefined();
    expect(parseFeedDate('2026-03-04T09:09:42')).toBeUndefined();
    expect(parseFeedDate('2026-03-04')).toBeUndefined();
  });

  it('rejects unknown zones, impossible dates and free text', () => {
    expect(parseFeedDate('Sun, 08 Mar 2026 07:23:46 XYZ')).toBeUndefined();
    expect(parseFeedDate('Sat, 31 Feb 2026 07:23:46 GMT')).toBeUndefined();
    expect(parseFeedDate('Sun, 08 Mar 2026 25:00:00 GMT')).toBeUndefined();
    expect(parseFeedDate('yesterday')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
  });

  it('agrees with the feed library on every item date of the real captures', () => {
    let compared = 0;
    for (const file of [
      'cnbc_international_top.2026-03-08.xml',
      'google_news_search.2026-03-15.xml',
      'seekingalpha_symbol_AAPL.2026-03-08.xml',
    ]) {
      const feed = parseWithLibrary(
        readFileSync(new URL(`../fixtures/rss/${file}`, import.meta.url), 'utf8'),
      );
      for (const item of feed.items) {
        const text = item.element.findElementWithName('pubdate')?.textContent ?? '';
        expect(parseFeedDate(text)?.toISOString()).toBe(item.published?.toISOString());
        compared += 1;
      }
    }
    expect(compared).toBe(150);
  });
});
