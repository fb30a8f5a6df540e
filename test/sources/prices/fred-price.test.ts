import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFredPriceProvider } from '../../../src/sources/prices/fred-price-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { fixtureText, testHttp } from './support.ts';

const PATH = '/graph/fredgraph.csv';
// Shaped like a current fredgraph.csv download (holidays listed with an empty value).
const WTI_CSV = 'observation_date,DCOILWTICO\n2026-04-02,61.02\n2026-04-03,\n2026-04-06,62.11\n';

describe('FRED oil provider', () => {
  let server: FakeHttpServer;
  beforeEach(async () => {
    server = await startFakeHttpServer();
  });
  afterEach(() => server.close());

  const provider = () => createFredPriceProvider({ http: testHttp(), baseUrl: server.baseUrl });

  it('answers WTI as end-of-day, dated by its last observation, against the previous one', async () => {
    server.route(PATH, { body: WTI_CSV, headers: { 'content-type': 'text/csv' } });
    expect(await provider().fetchQuote('wti')).toEqual({
      asset: 'wti',
      price: 62.11,
      reference: { price: 61.02, label: 'previous close' },
      asOf: new Date('2026-04-06T00:00:00Z'),
      kind: 'end-of-day',
      source: { id: 'fred', name: 'FRED (EIA daily spot)' },
    });
    expect(server.requests[0]?.url).toBe(`${PATH}?id=DCOILWTICO`);
  });

  it('asks DCOILBRENTEU for Brent and reads the older DATE header with "." for missing', async () => {
    server.route(PATH, { body: 'DATE,DCOILBRENTEU\r\n2026-04-02,64.5\r\n2026-04-03,.\r\n' });
    await expect(provider().fetchQuote('brent')).resolves.toMatchObject({
      price: 64.5,
      asOf: new Date('2026-04-02T00:00:00Z'),
    });
    expect(server.requests[0]?.url).toBe(`${PATH}?id=DCOILBRENTEU`);
  });

  it('refuses another series than the one asked for, so a yield is never shown as an oil price', async () => {
    server.route(PATH, { body: fixtureText('fred/DGS10.new-format.2021-04_2026-04.csv') });
    await expect(provider().fetchQuote('wti')).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
  });

  it('fails on a series with no observation', async () => {
    server.route(PATH, { body: 'observation_date,DCOILWTICO\n2026-04-03,\n' });
    await expect(provider().fetchQuote('wti')).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
  });

  it('supports only WTI and Brent', () => {
    expect(['wti', 'brent', 'gold'].map((a) => provider().supports(a as 'wti'))).toEqual([true, true, false]);
  });
});
