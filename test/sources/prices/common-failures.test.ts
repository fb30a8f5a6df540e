import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../src/domain/instruments.ts';
import type { QuoteSource } from '../../../src/domain/market-data.ts';
import type { HttpClient } from '../../../src/sources/http-client.ts';
import { createBinanceProvider } from '../../../src/sources/prices/binance-provider.ts';
import { createCoinGeckoProvider } from '../../../src/sources/prices/coingecko-provider.ts';
import { createFredPriceProvider } from '../../../src/sources/prices/fred-price-provider.ts';
import { createGoldApiProvider } from '../../../src/sources/prices/gold-api-provider.ts';
import { createKrakenProvider } from '../../../src/sources/prices/kraken-provider.ts';
import { createSwissquoteProvider } from '../../../src/sources/prices/swissquote-provider.ts';
import { createYahooProvider } from '../../../src/sources/prices/yahoo-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { fixtureText, testHttp } from './support.ts';

interface ProviderCase {
  readonly name: string;
  readonly asset: Asset;
  readonly path: string;
  readonly create: (http: HttpClient, baseUrl: string) => QuoteSource;
  readonly good: string;
  readonly price: number;
  /** The good body with its price replaced by a bad one (as it would appear on the wire). */
  readonly withPrice: (bad: string) => string;
  /** Bad prices in the source's own notation: zero, negative, not a number, garbage. */
  readonly badPrices: readonly string[];
}

const KRAKEN = fixtureText('kraken/ticker_XBTUSD.from-text.json');
const BINANCE = fixtureText('binance/ticker_24hr_BTCUSDT.2021-12-17.extracted-from-log.json');
const COINGECKO = fixtureText('coingecko/simple_price.btc-eth.2025-05-16.extracted.json');
const GOLD_API = fixtureText('gold-api/price_XAU.synthetic-shape-sample.json');
const SWISSQUOTE = fixtureText('swissquote/bboquotes_XAU_USD.synthetic-shape-sample.json');
const YAHOO = fixtureText('yahoo/chart-GC=F-5d.derived.json');
const FRED = 'observation_date,DCOILWTICO\n2026-04-02,61.02\n2026-04-06,62.11\n';

// JSON numbers cannot be NaN, so a source with numeric prices gets null and a string instead.
const NUMBER_BAD = ['0', '-1', 'null', '"4321.5"'];
const STRING_BAD = ['"0.00000000"', '"-1.00000000"', '"NaN"', '"12abc"'];

const CASES: readonly ProviderCase[] = [
  {
    name: 'Kraken',
    asset: 'btc',
    path: '/0/public/Ticker',
    create: (http, baseUrl) => createKrakenProvider({ http, baseUrl }),
    good: KRAKEN,
    price: 78493.8,
    withPrice: (bad) => KRAKEN.replace('"c":["78493.80000"', `"c":[${bad}`),
    badPrices: STRING_BAD,
  },
  {
    name: 'Binance',
    asset: 'btc',
    path: '/api/v3/ticker/24hr',
    create: (http, baseUrl) => createBinanceProvider({ http, baseUrl }),
    good: BINANCE,
    price: 47174.97,
    withPrice: (bad) => BINANCE.replace('"lastPrice":"47174.97000000"', `"lastPrice":${bad}`),
    badPrices: STRING_BAD,
  },
  {
    name: 'CoinGecko',
    asset: 'btc',
    path: '/api/v3/simple/price',
    create: (http, baseUrl) => createCoinGeckoProvider({ http, baseUrl }),
    good: COINGECKO,
    price: 103663,
    withPrice: (bad) => COINGECKO.replace('"usd": 103663', `"usd": ${bad}`),
    badPrices: NUMBER_BAD,
  },
  {
    name: 'gold-api.com',
    asset: 'gold',
    path: '/price/XAU',
    create: (http, baseUrl) => createGoldApiProvider({ http, baseUrl }),
    good: GOLD_API,
    price: 4321.5,
    withPrice: (bad) => GOLD_API.replace('"price":4321.5', `"price":${bad}`),
    badPrices: NUMBER_BAD,
  },
  {
    name: 'Swissquote',
    asset: 'gold',
    path: '/public-quotes/bboquotes/instrument/XAU/USD',
    create: (http, baseUrl) => createSwissquoteProvider({ http, baseUrl }),
    good: SWISSQUOTE,
    price: 4321.4,
    withPrice: (bad) => SWISSQUOTE.replace(/"bid":[\d.]+/g, `"bid":${bad}`),
    badPrices: NUMBER_BAD,
  },
  {
    name: 'Yahoo',
    asset: 'gold',
    path: '/v8/finance/chart/GC=F',
    create: (http, baseUrl) => createYahooProvider({ http, baseUrl }),
    good: YAHOO,
    price: 2952.5,
    withPrice: (bad) => YAHOO.replace('"regularMarketPrice":2952.5', `"regularMarketPrice":${bad}`),
    badPrices: NUMBER_BAD,
  },
  {
    name: 'FRED',
    asset: 'wti',
    path: '/graph/fredgraph.csv',
    create: (http, baseUrl) => createFredPriceProvider({ http, baseUrl }),
    good: FRED,
    price: 62.11,
    withPrice: (bad) => FRED.replace('62.11', bad),
    badPrices: ['0', '-1', 'NaN', '12abc'],
  },
];

const HTML_CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><noscript>This site requires JavaScript to verify your browser.</noscript></body></html>';

describe.each(CASES)('$name provider on a misbehaving server', (c) => {
  let server: FakeHttpServer;
  beforeAll(async () => {
    server = await startFakeHttpServer();
  });
  afterAll(() => server.close());

  const fetchQuote = () => c.create(testHttp(), server.baseUrl).fetchQuote(c.asset);

  it('answers the price after a 429 with Retry-After: 0', async () => {
    server.sequence(c.path, [{ status: 429, headers: { 'retry-after': '0' }, body: '' }, { body: c.good }]);
    const quote = await fetchQuote();
    expect(quote.price).toBeCloseTo(c.price, 10);
    expect(quote.asset).toBe(c.asset);
  });

  it('rejects a body that is an HTML challenge page', async () => {
    server.route(c.path, { body: HTML_CHALLENGE, headers: { 'content-type': 'text/html' } });
    await expect(fetchQuote()).rejects.toMatchObject({ code: 'WRONG_CONTENT' });
  });

  it('rejects an empty body', async () => {
    server.route(c.path, { body: '' });
    await expect(fetchQuote()).rejects.toMatchObject({ code: 'EMPTY_BODY' });
  });

  it('fails after retrying a server that keeps answering 500', async () => {
    server.route(c.path, { status: 500, body: 'oops' });
    await expect(fetchQuote()).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      context: { status: 500, attempts: 2 },
    });
  });

  it.each(c.badPrices)('rejects a price of %s instead of returning a wrong number', async (bad) => {
    const body = c.withPrice(bad);
    expect(body).not.toBe(c.good);
    server.route(c.path, { body });
    await expect(fetchQuote()).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
  });
});
