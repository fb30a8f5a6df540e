import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoinGeckoProvider } from '../../../src/sources/prices/coingecko-provider.ts';
import { parseCoinGeckoSimplePrice } from '../../../src/sources/prices/parse-coingecko-simple-price.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { FIXED_NOW, fixtureJson, fixtureText, testHttp } from './support.ts';

const FIXTURE = 'coingecko/simple_price.btc-eth.2025-05-16.extracted.json';
const PATH = '/api/v3/simple/price';
const context = { source: 'coingecko' };

describe('parseCoinGeckoSimplePrice', () => {
  it('reads price, 24 h change and update time of one coin from the real capture', () => {
    expect(parseCoinGeckoSimplePrice(fixtureJson(FIXTURE), 'bitcoin', context)).toEqual({
      id: 'bitcoin',
      price: 103663,
      change24hPct: 1.6371141415010508,
      lastUpdatedAt: new Date(1747407859 * 1000),
    });
    expect(parseCoinGeckoSimplePrice(fixtureJson(FIXTURE), 'ethereum', context).price).toBe(2587.79);
  });

  it('reports the empty object CoinGecko sends for an unknown id as an unknown symbol', () => {
    expect(() => parseCoinGeckoSimplePrice({}, 'ripple', context)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL' }),
    );
  });

  it('does not mistake a throttling answer for an unknown coin', () => {
    const json = { status: { error_code: 429, error_message: "You've exceeded the Rate Limit." } };
    expect(() => parseCoinGeckoSimplePrice(json, 'ripple', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it('leaves the change out when CoinGecko sends none', () => {
    const parsed = parseCoinGeckoSimplePrice(
      { ripple: { usd: 0.52, usd_24h_change: null } },
      'ripple',
      context,
    );
    expect(parsed).toEqual({ id: 'ripple', price: 0.52 });
  });

  it('rejects a 24 h change of -100 % or less, which has no price 24 h ago', () => {
    expect(() =>
      parseCoinGeckoSimplePrice({ ripple: { usd: 0.52, usd_24h_change: -100 } }, 'ripple', context),
    ).toThrow(expect.objectContaining({ code: 'BAD_PAYLOAD' }));
  });
});

describe('CoinGecko provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  it('answers BTC with the price 24 h ago derived from the percent change', async () => {
    server.route(PATH, { body: fixtureText(FIXTURE) });
    const provider = createCoinGeckoProvider({ http: testHttp(), baseUrl: server.baseUrl });
    const quote = await provider.fetchQuote('btc');
    expect(quote).toMatchObject({
      asset: 'btc',
      price: 103663,
      reference: { label: '24 h ago' },
      asOf: new Date(1747407859 * 1000),
      kind: 'spot',
      source: { id: 'coingecko', name: 'CoinGecko' },
    });
    expect(quote.reference?.price).toBeCloseTo(101993.254, 3);
    expect(server.requests[0]?.url).toBe(
      `${PATH}?ids=bitcoin&vs_currencies=usd&include_24hr_change=true&include_last_updated_at=true`,
    );
    expect(server.requests[0]?.headers['x-cg-demo-api-key']).toBeUndefined();
  });

  it('asks by coin id (ripple for XRP) and sends a demo key in a header, never in the URL', async () => {
    server.route(PATH, {
      body: '{"ripple":{"usd":0.5231,"usd_24h_change":-2.5,"last_updated_at":1747407859}}',
    });
    const provider = createCoinGeckoProvider({
      http: testHttp(),
      baseUrl: server.baseUrl,
      apiKey: 'CG-secret',
    });
    await expect(provider.fetchQuote('xrp')).resolves.toMatchObject({ asset: 'xrp', price: 0.5231 });
    const request = server.requests[0];
    expect(request?.url).toContain('ids=ripple&');
    expect(request?.url).not.toContain('CG-secret');
    expect(request?.headers['x-cg-demo-api-key']).toBe('CG-secret');
  });

  it('turns the {} answer for an unknown id into an unknown symbol', async () => {
    server.route(PATH, { body: '{}' });
    const provider = createCoinGeckoProvider({ http: testHttp(), baseUrl: server.baseUrl });
    await expect(provider.fetchQuote('xrp')).rejects.toMatchObject({ code: 'UNKNOWN_SYMBOL' });
  });

  it('falls back to the fetch time when last_updated_at is missing', async () => {
    server.route(PATH, { body: '{"ripple":{"usd":0.5231}}' });
    const provider = createCoinGeckoProvider({
      http: testHttp(),
      baseUrl: server.baseUrl,
      now: () => FIXED_NOW,
    });
    const quote = await provider.fetchQuote('xrp');
    expect(quote.asOf).toEqual(FIXED_NOW);
    expect(quote.reference).toBeUndefined();
  });
});
