import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBinanceProvider } from '../../../src/sources/prices/binance-provider.ts';
import { parseBinanceTicker } from '../../../src/sources/prices/parse-binance-ticker.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { fixtureJson, fixtureText, testHttp } from './support.ts';

const FIXTURE = 'binance/ticker_24hr_BTCUSDT.2021-12-17.extracted-from-log.json';
const PATH = '/api/v3/ticker/24hr';

describe('parseBinanceTicker', () => {
  it('reads last price, the price 24 h ago and the close time from the real BTCUSDT capture', () => {
    expect(parseBinanceTicker(fixtureJson(FIXTURE), { source: 'binance' })).toEqual({
      symbol: 'BTCUSDT',
      lastPrice: 47174.97,
      openPrice: 48901.44,
      closeTime: new Date(1639734042763),
    });
  });

  it.each([
    ['zero', '0.00000000'],
    ['negative', '-47174.97000000'],
    ['not a number', 'NaN'],
    ['garbage', '47174.97abc'],
  ])('rejects a last price that is %s', (_label, lastPrice) => {
    const json = { ...(fixtureJson(FIXTURE) as object), lastPrice };
    expect(() => parseBinanceTicker(json, { source: 'binance' })).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it('rejects a close time in seconds rather than milliseconds', () => {
    const json = { ...(fixtureJson(FIXTURE) as object), closeTime: 1639734042 };
    expect(() => parseBinanceTicker(json, { source: 'binance' })).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });
});

describe('Binance provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () => createBinanceProvider({ http: testHttp(), baseUrl: server.baseUrl });

  it('answers BTC in USDT with the rolling 24 h open as reference, named so', async () => {
    server.route(PATH, { body: fixtureText(FIXTURE) });
    expect(await provider().fetchQuote('btc')).toEqual({
      asset: 'btc',
      price: 47174.97,
      reference: { price: 48901.44, label: '24 h ago' },
      asOf: new Date(1639734042763),
      kind: 'spot',
      source: { id: 'binance', name: 'Binance (USDT)' },
    });
    expect(server.requests[0]?.url).toBe(`${PATH}?symbol=BTCUSDT`);
  });

  it('turns the 400 "Invalid symbol." answer into an unknown symbol', async () => {
    server.route(PATH, { status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' });
    await expect(provider().fetchQuote('xrp')).rejects.toMatchObject({
      code: 'UNKNOWN_SYMBOL',
      context: { source: 'binance', status: 400 },
    });
  });

  it('keeps other refusals, such as 451 from a US address, as HTTP errors', async () => {
    server.route(PATH, {
      status: 451,
      body: '{"code":0,"msg":"Service unavailable from a restricted location"}',
    });
    await expect(provider().fetchQuote('btc')).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      context: { status: 451 },
    });
  });

  it('refuses a ticker for another symbol than the one asked for', async () => {
    server.route(PATH, { body: fixtureText(FIXTURE) });
    await expect(provider().fetchQuote('xrp')).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
    expect(server.requests[0]?.url).toBe(`${PATH}?symbol=XRPUSDT`);
  });
});
