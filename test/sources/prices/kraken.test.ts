import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKrakenProvider } from '../../../src/sources/prices/kraken-provider.ts';
import { parseKrakenTicker } from '../../../src/sources/prices/parse-kraken-ticker.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { FIXED_NOW, fixtureJson, fixtureText, testHttp } from './support.ts';

const FIXTURE = 'kraken/ticker_XBTUSD.from-text.json';
const context = { source: 'kraken' };

describe('parseKrakenTicker', () => {
  it('reads the last trade and the 00:00 UTC open from the real XBTUSD capture', () => {
    expect(parseKrakenTicker(fixtureJson(FIXTURE), context)).toEqual({
      pair: 'XXBTZUSD',
      last: 78493.8,
      open: 79090.4,
    });
  });

  it('reports an unknown pair, which Kraken sends with HTTP 200, as an unknown symbol', () => {
    expect(() => parseKrakenTicker({ error: ['EQuery:Unknown asset pair'] }, context)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL' }),
    );
  });

  it('fails on any other Kraken error even when a result is present', () => {
    expect(() => parseKrakenTicker({ error: ['EService:Unavailable'], result: {} }, context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it('ignores warnings that come with a valid result', () => {
    const json = { ...(fixtureJson(FIXTURE) as object), error: ['WGeneral:Deprecated'] };
    expect(parseKrakenTicker(json, context).last).toBe(78493.8);
  });

  it.each([
    ['a number instead of a string', 78493.8],
    ['an empty string', ''],
    ['zero', '0.00000'],
    ['a hexadecimal string', '0x10'],
  ])('rejects a last price that is %s', (_label, value) => {
    const json = { error: [], result: { XXBTZUSD: { c: [value, '1'], o: '79090.40000' } } };
    expect(() => parseKrakenTicker(json, context)).toThrow(expect.objectContaining({ code: 'BAD_PAYLOAD' }));
  });
});

describe('Kraken provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () =>
    createKrakenProvider({ http: testHttp(), baseUrl: server.baseUrl, now: () => FIXED_NOW });

  it('answers BTC with the last trade, the 00:00 UTC open as reference, and the fetch time as as-of', async () => {
    server.route('/0/public/Ticker', { body: fixtureText(FIXTURE) });
    const quote = await provider().fetchQuote('btc');
    expect(quote).toEqual({
      asset: 'btc',
      price: 78493.8,
      reference: { price: 79090.4, label: '00:00 UTC open' },
      asOf: FIXED_NOW,
      kind: 'spot',
      source: { id: 'kraken', name: 'Kraken' },
    });
    expect(server.requests[0]?.url).toBe('/0/public/Ticker?pair=XBTUSD');
  });

  it('asks for XRPUSD and accepts the XXRPZUSD key Kraken answers with', async () => {
    const body = fixtureText(FIXTURE).replace('XXBTZUSD', 'XXRPZUSD');
    server.route('/0/public/Ticker', { body });
    await expect(provider().fetchQuote('xrp')).resolves.toMatchObject({ asset: 'xrp', price: 78493.8 });
    expect(server.requests[0]?.url).toBe('/0/public/Ticker?pair=XRPUSD');
  });

  it('refuses an answer for another pair than the one asked for', async () => {
    server.route('/0/public/Ticker', { body: fixtureText(FIXTURE) });
    await expect(provider().fetchQuote('xrp')).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
  });

  it('turns an error that comes with HTTP 200 into an unknown symbol', async () => {
    server.route('/0/public/Ticker', { body: '{"error":["EQuery:Unknown asset pair"]}' });
    await expect(provider().fetchQuote('btc')).rejects.toMatchObject({
      code: 'UNKNOWN_SYMBOL',
      context: { source: 'kraken', url: `${server.baseUrl}/0/public/Ticker?pair=XBTUSD` },
    });
  });

  it('supports only XRP and BTC', () => {
    const kraken = provider();
    expect(['xrp', 'btc', 'gold', 'usdjpy'].map((a) => kraken.supports(a as 'xrp'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
