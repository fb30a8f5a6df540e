import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSwissquoteQuotes } from '../../../src/sources/prices/parse-swissquote-quotes.ts';
import { createSwissquoteProvider } from '../../../src/sources/prices/swissquote-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { fixtureJson, fixtureText, testHttp } from './support.ts';

// A hand-written shape sample, not a capture: see test/fixtures/swissquote/DERIVED.md.
const SAMPLE = 'swissquote/bboquotes_XAU_USD.synthetic-shape-sample.json';
const context = { source: 'swissquote' };

function platform(prices: readonly object[], ts = 1787061731123): object {
  return { topo: { platform: 'MT5', server: 'Live1' }, spreadProfilePrices: prices, ts };
}

describe('parseSwissquoteQuotes', () => {
  it('takes the mid of the Prime profile even when another profile comes first', () => {
    const quote = parseSwissquoteQuotes(fixtureJson(SAMPLE), context);
    expect(quote).toMatchObject({
      bid: 4320.97,
      ask: 4321.83,
      spreadProfile: 'Prime',
      ts: new Date(1787061731123),
    });
    expect(quote.mid).toBeCloseTo(4321.4, 10);
  });

  it('takes the first sound entry when no platform offers Prime', () => {
    const json = [platform([{ spreadProfile: 'Standard', bid: 147.101, ask: 147.121 }])];
    expect(parseSwissquoteQuotes(json, context)).toMatchObject({ spreadProfile: 'Standard', mid: 147.111 });
  });

  it('skips crossed, zero and absurdly wide quotes for a sound one', () => {
    const json = [
      platform([
        { spreadProfile: 'Prime', bid: 147.2, ask: 147.1 },
        { spreadProfile: 'Prime', bid: 0, ask: 147.1 },
        { spreadProfile: 'Prime', bid: 100, ask: 147.1 },
      ]),
      platform([{ spreadProfile: 'Prime', bid: 147.101, ask: 147.121 }], 1787061731999),
    ];
    expect(parseSwissquoteQuotes(json, context)).toMatchObject({ mid: 147.111, ts: new Date(1787061731999) });
  });

  it('fails when no entry is sound instead of returning a wrong number', () => {
    const json = [platform([{ spreadProfile: 'Prime', bid: '4320.97', ask: null }])];
    expect(() => parseSwissquoteQuotes(json, context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it('reads an empty list as an instrument Swissquote does not quote', () => {
    expect(() => parseSwissquoteQuotes([], context)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL' }),
    );
  });
});

describe('Swissquote provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () => createSwissquoteProvider({ http: testHttp(), baseUrl: server.baseUrl });

  it('answers gold as spot from XAU/USD, dated by the platform timestamp', async () => {
    server.route('/public-quotes/bboquotes/instrument/XAU/USD', { body: fixtureText(SAMPLE) });
    const quote = await provider().fetchQuote('gold');
    expect(quote).toMatchObject({
      asset: 'gold',
      asOf: new Date(1787061731123),
      kind: 'spot',
      source: { id: 'swissquote', name: 'Swissquote' },
    });
    expect(quote.price).toBeCloseTo(4321.4, 10);
    expect(quote.reference).toBeUndefined();
  });

  it('asks USD/JPY for the yen and XAG/USD for silver', async () => {
    const body = JSON.stringify([platform([{ spreadProfile: 'Prime', bid: 147.101, ask: 147.121 }])]);
    server.route('/public-quotes/bboquotes/instrument/USD/JPY', { body });
    server.route('/public-quotes/bboquotes/instrument/XAG/USD', { body: '[]' });
    await expect(provider().fetchQuote('usdjpy')).resolves.toMatchObject({ asset: 'usdjpy', price: 147.111 });
    await expect(provider().fetchQuote('silver')).rejects.toMatchObject({ code: 'UNKNOWN_SYMBOL' });
  });
});
