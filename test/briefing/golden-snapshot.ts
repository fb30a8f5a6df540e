import { readFileSync } from 'node:fs';
import { createMemoryPriceHistory, type PriceHistory } from '../../src/alerts/observe-subject.ts';
import { curveUpTo, type Part, type Snapshot, takeSnapshot } from '../../src/briefing/snapshot.ts';
import type { Asset, Market } from '../../src/domain/instruments.ts';
import type { CurveHistory, CurveSource, QuoteSource } from '../../src/domain/market-data.ts';
import { SourceError } from '../../src/errors.ts';
import type { MarketService, Sourced } from '../../src/market/market-service.ts';
import { collectHeadlines } from '../../src/news/collect-headlines.ts';
import { createRssFeedSource } from '../../src/news/create-rss-feed-source.ts';
import type { HttpClient } from '../../src/sources/http-client.ts';
import { createMofJgbProvider } from '../../src/sources/mof/create-mof-jgb-provider.ts';
import { createKrakenProvider } from '../../src/sources/prices/kraken-provider.ts';
import { createYahooProvider } from '../../src/sources/prices/yahoo-provider.ts';
import { createTreasuryCsvProvider } from '../../src/sources/treasury/create-treasury-provider.ts';
import { MOF_EMPTY_CURRENT_MONTH, MOF_PATHS } from '../support/fake-market.ts';

/**
 * Monday 2026-03-16, 09:00 in Tokyo: the morning after the latest real captures we hold (Reuters via
 * Google News to 2026-03-14, CNBC to 2026-03-08). Every figure comes from a real payload in
 * `test/fixtures`, read by the production providers and parsers:
 *
 * - JGB curve: the MOF English history (to 2026-04-30), cut at 2026-03-15 as it stood that morning.
 * - US Treasuries: the Treasury's 2025 CSV, which ends 2025-09-25, so the brief marks it stale.
 * - Gold: Yahoo GC=F, whose `meta` is from 2025-02-20, so it is marked stale too.
 * - Bitcoin: Kraken's XBTUSD ticker, which carries no time (the request time is its as-of).
 * - Headlines: CNBC International top news and Google News (Reuters markets), deduplicated.
 * - Silver, WTI, Brent, XRP, USD/JPY: no captured payload exists, so their source "did not answer".
 *
 * The snapshot is taken by the production `takeSnapshot`, from `fixtureMarket()`.
 */
export const GOLDEN_TAKEN_AT = new Date('2026-03-16T00:00:00Z');

const CNBC_URL = 'https://www.cnbc.com/id/100727362/device/rss/rss.html';
const GOOGLE_URL = 'https://news.google.com/rss/search?q=site:reuters.com%20markets';
const TREASURY_PATH = '/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv';

const FILES: Readonly<Record<string, string | Buffer>> = {
  [MOF_PATHS.enHistory]: 'mof_jgb/jgbcme_all.en.2026-04-30.csv',
  [MOF_PATHS.enCurrent]: MOF_EMPTY_CURRENT_MONTH,
  [`${TREASURY_PATH}/2025/all`]: 'us_treasury/daily-treasury-rates.2025.csv',
  // The 2026 file had no capture; a header-only file is what the Treasury serves for a year with no rows.
  [`${TREASURY_PATH}/2026/all`]: Buffer.from(
    'Date,"1 Mo","1.5 Month","2 Mo","3 Mo","4 Mo","6 Mo","1 Yr","2 Yr","3 Yr","5 Yr","7 Yr","10 Yr","20 Yr","30 Yr"\n',
  ),
  '/v8/finance/chart/GC=F': 'yahoo/chart-GC=F-2020-01-01-to-2020-01-03.body.json',
  '/0/public/Ticker': 'kraken/ticker_XBTUSD.from-text.json',
  '/id/100727362/device/rss/rss.html': 'rss/cnbc_international_top.2026-03-08.xml',
  '/rss/search': 'rss/google_news_search.2026-03-15.xml',
};

/** An `HttpClient` that answers from the fixture files by path, as a test double of the real one. */
function fixtureHttp(): HttpClient {
  let requests = 0;
  const getBytes = async (url: string): Promise<Buffer> => {
    requests += 1;
    const file = FILES[new URL(url).pathname];
    if (file === undefined)
      throw new SourceError('HTTP_STATUS', `no fixture for ${url}`, { source: 'test', url, status: 404 });
    return typeof file === 'string' ? readFileSync(new URL(`../fixtures/${file}`, import.meta.url)) : file;
  };
  return {
    getBytes,
    getJson: async (url) => JSON.parse((await getBytes(url)).toString('utf8')) as unknown,
    requestCount: () => requests,
  };
}

/**
 * A `MarketService` test double answering from the fixtures through the production providers:
 * whole histories, as the real service's cache holds them.
 */
export function fixtureMarket(): MarketService {
  const http = fixtureHttp();
  const now = () => GOLDEN_TAKEN_AT;
  const base = 'https://fixtures.invalid';
  const curves: Record<Market, CurveSource> = {
    jp: createMofJgbProvider({ http, baseUrl: base, language: 'en' }),
    us: createTreasuryCsvProvider({ http, baseUrl: base, now }),
  };
  const quotes: Partial<Record<Asset, QuoteSource>> = {
    gold: createYahooProvider({ http, baseUrl: base }),
    btc: createKrakenProvider({ http, baseUrl: base, now }),
  };
  const feeds = [
    createRssFeedSource({ http, url: CNBC_URL, name: 'CNBC' }),
    createRssFeedSource({ http, url: GOOGLE_URL }),
  ];
  return {
    async curve(market) {
      return sourced(await curves[market].fetchHistory(), curves[market].ref);
    },
    async quote(asset) {
      const source = quotes[asset];
      if (!source)
        throw new SourceError('ALL_SOURCES_FAILED', `no captured payload for ${asset}`, { source: 'test' });
      return sourced(await source.fetchQuote(asset), source.ref);
    },
    async headlines() {
      return sourced(await collectHeadlines(feeds), { id: 'rss', name: 'news feeds' });
    },
  };
}

export async function goldenSnapshot(): Promise<Snapshot> {
  const snapshot = await takeSnapshot(fixtureMarket(), () => GOLDEN_TAKEN_AT);
  // The curves as they stood that morning: nothing after the day before, in either market's calendar.
  const upTo = (part: Part<CurveHistory>): Part<CurveHistory> =>
    part.ok ? { ok: true, value: curveUpTo(part.value, '2026-03-15') } : part;
  return { ...snapshot, curves: { jp: upTo(snapshot.curves.jp), us: upTo(snapshot.curves.us) } };
}

/**
 * Daily closes briefbot would have recorded before the golden morning, for the sparklines: gold's
 * closes from Stooq's real XAU/USD history (the 30 days before the Yahoo quote's 2025-02-20; a
 * spot series beside a futures quote, close enough for a picture), nothing for Bitcoin (Kraken's
 * ticker is a single value), so its sparkline is left out as it would be on a bot's first day.
 */
export function goldenPriceHistory(): PriceHistory {
  const history = createMemoryPriceHistory();
  const csv = readFileSync(new URL('../fixtures/stooq/xauusd_d.historical.csv', import.meta.url), 'utf8');
  for (const line of csv.trim().split('\n').slice(1)) {
    const [date = '', , , , close = ''] = line.split(',');
    if (date >= '2025-01-20' && date < '2025-02-20') void history.record('gold', date, Number(close));
  }
  return history;
}

function sourced<T>(value: T, source: { id: string; name: string }): Sourced<T> {
  return { value, source, fetchedAt: GOLDEN_TAKEN_AT, stale: false };
}

/** The golden snapshot with some parts' sources failing. */
export function withFailures(snapshot: Snapshot, failing: readonly Asset[]): Snapshot {
  const quotes = { ...snapshot.quotes };
  for (const asset of failing) quotes[asset] = { ok: false, reason: 'HTTP 503 from every source' };
  return { ...snapshot, quotes };
}
