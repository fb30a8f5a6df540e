import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoldApiProvider } from '../../../src/sources/prices/gold-api-provider.ts';
import { parseGoldApiPrice } from '../../../src/sources/prices/parse-gold-api-price.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { FIXED_NOW, fixtureJson, fixtureText, testHttp } from './support.ts';

// Hand-written shape samples, not captures: see test/fixtures/gold-api/DERIVED.md.
const XAU = 'gold-api/price_XAU.synthetic-shape-sample.json';
const XAG = 'gold-api/price_XAG.synthetic-shape-sample.json';
const context = { source: 'gold-api' };

describe('parseGoldApiPrice', () => {
  it('reads price and update time from the shape samples', () => {
    expect(parseGoldApiPrice(fixtureJson(XAU), 'XAU', context)).toEqual({
      symbol: 'XAU',
      price: 4321.5,
      updatedAt: new Date('2026-08-18T14:02:11Z'),
    });
    expect(parseGoldApiPrice(fixtureJson(XAG), 'XAG', context).price).toBe(54.321);
  });

  it('refuses silver when gold was asked for', () => {
    expect(() => parseGoldApiPrice(fixtureJson(XAG), 'XAU', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it.each([
    ['zero', 0],
    ['negative', -4321.5],
    ['a string', '4321.5'],
    ['null', null],
    ['missing', undefined],
  ])('rejects a price that is %s', (_label, price) => {
    expect(() => parseGoldApiPrice({ symbol: 'XAU', price }, 'XAU', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });

  it.each([
    ['a zone-less time', '2026-08-18T14:02:11'],
    ['prose', 'a few seconds ago'],
    ['a number', 1787061731],
  ])('rejects an updatedAt that is %s rather than guess how old the price is', (_label, updatedAt) => {
    expect(() => parseGoldApiPrice({ price: 4321.5, updatedAt }, 'XAU', context)).toThrow(
      expect.objectContaining({ code: 'BAD_PAYLOAD' }),
    );
  });
});

describe('gold-api.com provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () =>
    createGoldApiProvider({ http: testHttp(), baseUrl: server.baseUrl, now: () => FIXED_NOW });

  it('answers gold as spot, dated by updatedAt, with no reference price', async () => {
    server.route('/price/XAU', { body: fixtureText(XAU) });
    expect(await provider().fetchQuote('gold')).toEqual({
      asset: 'gold',
      price: 4321.5,
      asOf: new Date('2026-08-18T14:02:11Z'),
      kind: 'spot',
      source: { id: 'gold-api', name: 'gold-api.com' },
    });
  });

  it('asks /price/XAG for silver and uses the fetch time when there is no updatedAt', async () => {
    server.route('/price/XAG', { body: '{"name":"Silver","price":54.321,"symbol":"XAG"}' });
    await expect(provider().fetchQuote('silver')).resolves.toMatchObject({ price: 54.321, asOf: FIXED_NOW });
  });

  it('supports only gold and silver', () => {
    expect(provider().supports('gold')).toBe(true);
    expect(provider().supports('silver')).toBe(true);
    expect(provider().supports('wti')).toBe(false);
  });
});
