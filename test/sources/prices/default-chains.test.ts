import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSETS } from '../../../src/domain/instruments.ts';
import type { QuoteSource } from '../../../src/domain/market-data.ts';
import { firstAnswer } from '../../../src/sources/fallback-chain.ts';
import { createBinanceProvider } from '../../../src/sources/prices/binance-provider.ts';
import { createCoinGeckoProvider } from '../../../src/sources/prices/coingecko-provider.ts';
import {
  buildQuoteChains,
  QUOTE_CHAIN,
  QUOTE_SOURCE_IDS,
  type QuoteSourceId,
} from '../../../src/sources/prices/default-chains.ts';
import { createFredPriceProvider } from '../../../src/sources/prices/fred-price-provider.ts';
import { createGoldApiProvider } from '../../../src/sources/prices/gold-api-provider.ts';
import { createKrakenProvider } from '../../../src/sources/prices/kraken-provider.ts';
import { createSwissquoteProvider } from '../../../src/sources/prices/swissquote-provider.ts';
import { createYahooProvider } from '../../../src/sources/prices/yahoo-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { fixtureText, testHttp } from './support.ts';

function allProviders(baseUrl: string): Record<QuoteSourceId, QuoteSource> {
  const http = testHttp();
  return {
    'gold-api': createGoldApiProvider({ http, baseUrl }),
    swissquote: createSwissquoteProvider({ http, baseUrl }),
    yahoo: createYahooProvider({ http, baseUrl }),
    fred: createFredPriceProvider({ http, baseUrl }),
    kraken: createKrakenProvider({ http, baseUrl }),
    binance: createBinanceProvider({ http, baseUrl }),
    coingecko: createCoinGeckoProvider({ http, baseUrl }),
  };
}

describe('default quote chains', () => {
  it('follow the order in DATA-SOURCES.md', () => {
    expect(QUOTE_CHAIN).toEqual({
      gold: ['gold-api', 'swissquote', 'yahoo'],
      silver: ['gold-api', 'swissquote', 'yahoo'],
      wti: ['yahoo', 'fred'],
      brent: ['yahoo', 'fred'],
      xrp: ['kraken', 'binance', 'coingecko'],
      btc: ['kraken', 'binance', 'coingecko'],
      usdjpy: ['yahoo', 'swissquote'],
    });
  });

  it('name only sources whose provider supports the asset, under the id the provider reports', () => {
    const providers = allProviders('http://127.0.0.1:9');
    for (const id of QUOTE_SOURCE_IDS) expect(providers[id].ref.id).toBe(id);
    for (const asset of ASSETS) {
      for (const id of QUOTE_CHAIN[asset])
        expect(providers[id].supports(asset), `${id} for ${asset}`).toBe(true);
    }
  });

  it('are built from the providers given, leaving out the ones switched off', () => {
    const { coingecko: _off, ...providers } = allProviders('http://127.0.0.1:9');
    const chains = buildQuoteChains(providers);
    expect(chains.xrp.map((s) => s.ref.id)).toEqual(['kraken', 'binance']);
    expect(chains.usdjpy.map((s) => s.ref.id)).toEqual(['yahoo', 'swissquote']);
  });
});

describe('the crypto chain on a failing primary', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  it('answers from Binance when Kraken keeps failing with 500, and says Binance answered', async () => {
    server.route('/0/public/Ticker', { status: 500, body: 'internal error' });
    server.route('/api/v3/ticker/24hr', {
      body: fixtureText('binance/ticker_24hr_BTCUSDT.2021-12-17.extracted-from-log.json'),
    });
    const chain = buildQuoteChains(allProviders(server.baseUrl)).btc;
    const answer = await firstAnswer(chain, (s) => s.fetchQuote('btc'), 'quote:btc');
    expect(answer.source.ref.id).toBe('binance');
    expect(answer.value).toMatchObject({
      price: 47174.97,
      source: { id: 'binance', name: 'Binance (USDT)' },
    });
    expect(answer.failures.map((f) => [f.context.source, f.code, f.context.status])).toEqual([
      ['kraken', 'HTTP_STATUS', 500],
    ]);
    expect(server.countFor('/api/v3/simple/price')).toBe(0);
  });

  it('fails with every cause when no source answers', async () => {
    const chain = buildQuoteChains(allProviders(server.baseUrl)).xrp;
    await expect(firstAnswer(chain, (s) => s.fetchQuote('xrp'), 'quote:xrp')).rejects.toMatchObject({
      code: 'ALL_SOURCES_FAILED',
      causes: [{ code: 'HTTP_STATUS' }, { code: 'HTTP_STATUS' }, { code: 'HTTP_STATUS' }],
    });
  });
});
