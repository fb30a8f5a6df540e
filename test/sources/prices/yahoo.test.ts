import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseYahooChart } from '../../../src/sources/prices/parse-yahoo-chart.ts';
import { createYahooProvider } from '../../../src/sources/prices/yahoo-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { copyJson, fixtureJson, fixtureText, testHttp } from './support.ts';

const GC_BODY = 'yahoo/chart-GC=F-2020-01-01-to-2020-01-03.body.json';
const GC_FULL = 'yahoo/yf2-fixture-chart-GC=F-2020-01-01-to-2020-01-03.full.json';
const BTC_BODY = 'yahoo/chart-BTC-USD-2020-01-01-to-2020-01-03.body.json';
const BTC_FULL = 'yahoo/yf2-fixture-chart-BTC-USD-2020-01-01-to-2020-01-03.full.json';
// Real meta with invented 5-day bars: see test/fixtures/yahoo/DERIVED.md.
const GC_5D = 'yahoo/chart-GC=F-5d.derived.json';
const context = { source: 'yahoo' };

interface Chart {
  chart: {
    result: {
      meta: Record<string, unknown>;
      timestamp: number[];
      indicators: { quote: { close: (number | null)[] }[] };
    }[];
  };
}

function firstResult(json: Chart) {
  const result = json.chart.result[0];
  const quote = result?.indicators.quote[0];
  if (!result || !quote) throw new Error('fixture without result');
  return { result, quote };
}

const NOT_FOUND =
  '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}';

describe('parseYahooChart', () => {
  it('reads price, time, currency and front-month contract from the real GC=F capture', () => {
    const chart = parseYahooChart(fixtureJson(GC_BODY), 'GC=F', context);
    expect(chart).toMatchObject({
      symbol: 'GC=F',
      price: 2952.5,
      asOf: new Date(1740051311 * 1000),
      currency: 'USD',
      shortName: 'Gold Apr 25',
    });
  });

  it('never takes chartPreviousClose, the close before the window, as the previous close', () => {
    // GC=F: chartPreviousClose is 1519.5 (Dec 2019) while the price is 2952.5 (Feb 2025). The
    // window's only bar is from January 2020, far too old to be "the previous close" either.
    const chart = parseYahooChart(fixtureJson(GC_BODY), 'GC=F', context);
    expect(chart.previousClose).toBeUndefined();
    const fiveDays = parseYahooChart(fixtureJson(GC_5D), 'GC=F', context);
    expect(fiveDays.previousClose?.price).not.toBe(1519.5);
  });

  it('reads the same from the full recorded exchanges as from the bodies', () => {
    const gcFull = (fixtureJson(GC_FULL) as { response: { bodyJson: unknown } }).response.bodyJson;
    const btcFull = (fixtureJson(BTC_FULL) as { response: { bodyJson: unknown } }).response.bodyJson;
    expect(parseYahooChart(gcFull, 'GC=F', context)).toEqual(
      parseYahooChart(fixtureJson(GC_BODY), 'GC=F', context),
    );
    expect(parseYahooChart(btcFull, 'BTC-USD', context)).toEqual(
      parseYahooChart(fixtureJson(BTC_BODY), 'BTC-USD', context),
    );
  });

  it('reads the real BTC-USD capture, whose bars are stamped at 00:00 UTC', () => {
    expect(parseYahooChart(fixtureJson(BTC_BODY), 'BTC-USD', context)).toEqual({
      symbol: 'BTC-USD',
      price: 97208.17,
      asOf: new Date(1740051840 * 1000),
      currency: 'USD',
      shortName: 'Bitcoin USD',
    });
  });

  it('takes the close of the bar before the session in progress as the previous close', () => {
    const chart = parseYahooChart(fixtureJson(GC_5D), 'GC=F', context);
    expect(chart.previousClose).toEqual({ price: 2948.39990234375, date: '2025-02-19' });
  });

  it('takes the last bar when the session of regularMarketTime has no bar yet', () => {
    const json = copyJson(fixtureJson(GC_5D) as Chart);
    const { result, quote } = firstResult(json);
    result.timestamp.pop();
    quote.close.pop();
    expect(parseYahooChart(json, 'GC=F', context).previousClose).toEqual({
      price: 2948.39990234375,
      date: '2025-02-19',
    });
  });

  it('skips bars whose close is null', () => {
    const json = copyJson(fixtureJson(GC_5D) as Chart);
    const { quote } = firstResult(json);
    quote.close[3] = null;
    quote.close[2] = null;
    expect(parseYahooChart(json, 'GC=F', context).previousClose).toEqual({
      price: 2900.10009765625,
      date: '2025-02-14',
    });
  });

  it('files bars by the exchange calendar, so London FX bars stamped 23:00 UTC land on the right day', () => {
    // Shaped like a summer JPY=X answer: daily bars at London midnight, which is 23:00 UTC in BST.
    const json = {
      chart: {
        result: [
          {
            meta: {
              symbol: 'JPY=X',
              currency: 'JPY',
              exchangeTimezoneName: 'Europe/London',
              gmtoffset: 3600,
              regularMarketPrice: 147.2,
              regularMarketTime: Date.parse('2025-07-16T10:00:00Z') / 1000,
            },
            timestamp: ['2025-07-13T23:00:00Z', '2025-07-14T23:00:00Z', '2025-07-15T23:00:00Z'].map(
              (t) => Date.parse(t) / 1000,
            ),
            indicators: { quote: [{ close: [147.0, 147.7, 147.2] }] },
          },
        ],
        error: null,
      },
    };
    expect(parseYahooChart(json, 'JPY=X', context).previousClose).toEqual({
      price: 147.7,
      date: '2025-07-15',
    });
  });

  it('reports a chart.error sent with HTTP 200 as an unknown symbol', () => {
    expect(() => parseYahooChart(JSON.parse(NOT_FOUND), 'XAU=X', context)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL' }),
    );
  });

  it('refuses a chart for another symbol than the one asked for', () => {
    expect(() => parseYahooChart(fixtureJson(GC_BODY), 'SI=F', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it.each([
    ['zero', 0],
    ['negative', -2952.5],
    ['null', null],
    ['a string', '2952.5'],
  ])('rejects a regularMarketPrice that is %s', (_label, price) => {
    const json = copyJson(fixtureJson(GC_BODY) as Chart);
    firstResult(json).result.meta.regularMarketPrice = price;
    expect(() => parseYahooChart(json, 'GC=F', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });
});

describe('Yahoo provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () => createYahooProvider({ http: testHttp(), baseUrl: server.baseUrl });

  it('answers gold as the front-month future with its contract and the previous bar as reference', async () => {
    server.route('/v8/finance/chart/GC=F', { body: fixtureText(GC_5D) });
    expect(await provider().fetchQuote('gold')).toEqual({
      asset: 'gold',
      price: 2952.5,
      reference: { price: 2948.39990234375, label: 'previous close' },
      asOf: new Date(1740051311 * 1000),
      kind: 'futures',
      source: { id: 'yahoo', name: 'Yahoo Finance' },
      contract: 'Gold Apr 25',
    });
    const request = server.requests[0];
    expect(request?.url).toBe('/v8/finance/chart/GC=F?range=5d&interval=1d');
    expect(request?.headers['user-agent']).toContain('Mozilla/5.0');
  });

  it('labels USD/JPY as delayed and gives it no contract', async () => {
    const json = copyJson(fixtureJson(GC_5D) as Chart);
    Object.assign(firstResult(json).result.meta, {
      symbol: 'JPY=X',
      currency: 'JPY',
      regularMarketPrice: 147.2,
    });
    server.route('/v8/finance/chart/JPY=X', { body: JSON.stringify(json) });
    const quote = await provider().fetchQuote('usdjpy');
    expect(quote).toMatchObject({ asset: 'usdjpy', price: 147.2, kind: 'delayed' });
    expect(quote.contract).toBeUndefined();
  });

  it('refuses a quote in another currency than the one expected', async () => {
    const json = copyJson(fixtureJson(GC_5D) as Chart);
    Object.assign(firstResult(json).result.meta, { symbol: 'CL=F', currency: 'USX' });
    server.route('/v8/finance/chart/CL=F', { body: JSON.stringify(json) });
    await expect(provider().fetchQuote('wti')).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
  });

  it('fails with the HTTP status when Yahoo answers 404 with chart.error', async () => {
    server.route('/v8/finance/chart/BZ=F', { status: 404, body: NOT_FOUND });
    await expect(provider().fetchQuote('brent')).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      context: { source: 'yahoo', status: 404 },
    });
  });

  it('reports chart.error sent with HTTP 200 as an unknown symbol', async () => {
    server.route('/v8/finance/chart/SI=F', { body: NOT_FOUND });
    await expect(provider().fetchQuote('silver')).rejects.toMatchObject({ code: 'UNKNOWN_SYMBOL' });
  });

  it('does not quote XRP, which no Yahoo symbol is configured for', () => {
    expect(provider().supports('xrp')).toBe(false);
    expect(provider().supports('btc')).toBe(true);
  });
});
