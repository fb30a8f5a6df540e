import { readFileSync } from 'node:fs';
import { type FakeHttpServer, startFakeHttpServer } from './fake-http-server.ts';

export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
}

/** Real captured payloads, served at each source's documented path. */
export const MOF_PATHS = {
  enHistory: '/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv',
  enCurrent: '/english/policy/jgbs/reference/interest_rate/jgbcme.csv',
  jaHistory: '/jgbs/reference/interest_rate/data/jgbcm_all.csv',
  jaCurrent: '/jgbs/reference/interest_rate/jgbcm.csv',
} as const;

/**
 * A current-month file early in the month: title, header, blank row and footer, no data rows.
 * Paired with the April 2026 history it gives a consistent series ending 2026-04-30 (the real
 * September current-month capture would leave a May–August gap).
 */
export const MOF_EMPTY_CURRENT_MONTH = Buffer.concat([
  Buffer.from(
    'Interest Rate (May 2026),,,,,,,,,,,,,,,(Unit : %)\r\nDate,1Y,2Y,3Y,4Y,5Y,6Y,7Y,8Y,9Y,10Y,15Y,20Y,25Y,30Y,40Y\r\n,,,,,,,,,,,,,,,\r\n"  ',
    'latin1',
  ),
  Buffer.from([0x81, 0xa6]),
  Buffer.from(
    'If you cannot download the latest csv data, please clear the browser\'s cache and download again.",,,,,,,,,,,,,,,\r\n',
    'latin1',
  ),
]);

export interface FakeMarket {
  readonly server: FakeHttpServer;
  /** Environment pointing every source at the fake server, with console-mode defaults. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** Every source answering with real payloads: MOF JGB history, Treasury 2025, Yahoo, Kraken, feeds. */
export async function startFakeMarket(): Promise<FakeMarket> {
  const server = await startFakeHttpServer();
  const csv = { 'content-type': 'text/csv' };
  const json = { 'content-type': 'application/json' };
  const xml = { 'content-type': 'application/rss+xml' };
  server.route(MOF_PATHS.enHistory, { headers: csv, body: fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv') });
  server.route(MOF_PATHS.enCurrent, { headers: csv, body: MOF_EMPTY_CURRENT_MONTH });
  server.route('/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv/2025/all', {
    headers: csv,
    body: fixture('us_treasury/daily-treasury-rates.2025.csv'),
  });
  server.route('/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv/2026/all', {
    headers: csv,
    body: 'Date,"1 Mo","2 Mo","3 Mo","4 Mo","6 Mo","1 Yr","2 Yr","3 Yr","5 Yr","7 Yr","10 Yr","20 Yr","30 Yr"\n',
  });
  server.route('/v8/finance/chart/GC=F', {
    headers: json,
    body: fixture('yahoo/chart-GC=F-2020-01-01-to-2020-01-03.body.json'),
  });
  server.route('/0/public/Ticker', { headers: json, body: fixture('kraken/ticker_XBTUSD.from-text.json') });
  server.route('/rss/cnbc.xml', { headers: xml, body: fixture('rss/cnbc_international_top.2026-03-08.xml') });
  return {
    server,
    env: {
      LOG_LEVEL: 'silent',
      // Each process gets its own empty store; nothing lands in the project's ./data.
      DATABASE_URL: 'sqlite::memory:',
      MOF_BASE_URL: server.baseUrl,
      TREASURY_BASE_URL: server.baseUrl,
      FRED_BASE_URL: server.baseUrl,
      GOLDAPI_BASE_URL: server.baseUrl,
      SWISSQUOTE_BASE_URL: server.baseUrl,
      YAHOO_BASE_URL: server.baseUrl,
      KRAKEN_BASE_URL: server.baseUrl,
      BINANCE_BASE_URL: server.baseUrl,
      COINGECKO_BASE_URL: server.baseUrl,
      NEWS_FEEDS: `${server.baseUrl}/rss/cnbc.xml`,
      SOURCE_TIMEOUT_MS: '2000',
    },
    close: () => server.close(),
  };
}
