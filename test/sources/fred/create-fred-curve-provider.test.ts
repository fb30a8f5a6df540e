import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import {
  createFredCurveProvider,
  FRED_CURVE_SERIES,
} from '../../../src/sources/fred/create-fred-curve-provider.ts';
import { createHttpClient } from '../../../src/sources/http-client.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';

const dgs10 = readFileSync(
  new URL('../../fixtures/fred/DGS10.new-format.2021-04_2026-04.csv', import.meta.url),
  'utf8',
);
const PATH = '/graph/fredgraph.csv';
const CSV_HEADERS = { 'content-type': 'text/csv' };
const IDS = Object.keys(FRED_CURVE_SERIES);

/**
 * Made-up series for the tenors no fixture covers: each value encodes its tenor's position, so a
 * value under the wrong tenor shows. 2026-04-03 is a holiday in every series.
 */
function syntheticCsv(
  id: string,
  dates = ['2026-04-02', '2026-04-03', '2026-04-09', '2026-04-10', '2026-04-13'],
): string {
  const position = IDS.indexOf(id);
  const lines = dates.map((date) => `${date},${date === '2026-04-03' ? '' : (1 + position / 10).toFixed(2)}`);
  return [`observation_date,${id}`, ...lines].join('\n');
}

let server: FakeHttpServer;
const http = createHttpClient({ retries: 1, backoffBaseMs: 1, timeoutMs: 300 });
const idOf = (url: string) => new URL(url, 'http://x').searchParams.get('id') ?? '';

beforeEach(async () => {
  server = await startFakeHttpServer();
});
afterEach(async () => {
  await server.close();
});

function serve(body: (id: string) => string | { status: number }): void {
  server.route(PATH, (request) => {
    const answer = body(idOf(request.url));
    return typeof answer === 'string' ? { headers: CSV_HEADERS, body: answer } : answer;
  });
}

async function failureOf(run: Promise<unknown>): Promise<SourceError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('createFredCurveProvider', () => {
  it('fetches every DGS series and joins them by date into curve rows', async () => {
    serve((id) => (id === 'DGS10' ? dgs10 : syntheticCsv(id)));
    const provider = createFredCurveProvider({ http, baseUrl: server.baseUrl });
    const history = await provider.fetchHistory();

    expect(history).toMatchObject({
      market: 'us',
      complete: false,
      source: { id: 'fred', name: 'FRED, Federal Reserve Bank of St. Louis' },
    });
    expect(server.requests.map((r) => idOf(r.url)).sort()).toEqual([...IDS].sort());
    expect(server.requests.every((r) => r.url === `${PATH}?id=${idOf(r.url)}`)).toBe(true);
    expect(history.rows.at(-1)).toEqual({
      date: '2026-04-13',
      yields: {
        '1m': 1,
        '3m': 1.1,
        '6m': 1.2,
        '1y': 1.3,
        '2y': 1.4,
        '3y': 1.5,
        '5y': 1.6,
        '7y': 1.7,
        '10y': 4.3,
        '20y': 1.9,
        '30y': 2,
      },
    });
    // Before the other series start, the row holds the 10-year only, from the real DGS10 file.
    expect(history.rows[0]).toEqual({ date: '2021-04-13', yields: { '10y': 1.64 } });
    const dates = history.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('leaves out a date on which every series is missing', async () => {
    serve((id) => syntheticCsv(id));
    const history = await createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory();
    expect(history.rows.map((r) => r.date)).toEqual(['2026-04-02', '2026-04-09', '2026-04-10', '2026-04-13']);
  });

  it('stops at the last date every series has reached', async () => {
    serve((id) => syntheticCsv(id, id === 'DGS30' ? ['2026-04-09', '2026-04-10'] : undefined));
    const history = await createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory();
    expect(history.rows.at(-1)?.date).toBe('2026-04-10');
    expect(Object.keys(history.rows.at(-1)?.yields ?? {})).toHaveLength(11);
  });

  it('fails as a whole when one series fails, naming its url', async () => {
    serve((id) => (id === 'DGS7' ? { status: 500 } : syntheticCsv(id)));
    const error = await failureOf(createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory());
    expect(error).toMatchObject({ code: 'HTTP_STATUS', context: { source: 'fred', status: 500 } });
    expect(error.context.url).toBe(`${server.baseUrl}${PATH}?id=DGS7`);
  });

  it('rejects a file that holds another series than the one asked for', async () => {
    serve((id) => syntheticCsv(id === 'DGS20' ? 'DGS2' : id));
    const error = await failureOf(createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory());
    expect(error.code).toBe('BAD_PAYLOAD');
    expect(error.context.url).toContain('id=DGS20');
  });

  it('adds the url to a parse failure', async () => {
    serve((id) => (id === 'DGS1MO' ? 'Service temporarily unavailable' : syntheticCsv(id)));
    const error = await failureOf(createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory());
    expect(error).toMatchObject({ code: 'BAD_PAYLOAD', context: { source: 'fred' } });
    expect(error.context.url).toContain('id=DGS1MO');
  });

  it('rejects an HTML page served with 200 as WRONG_CONTENT', async () => {
    serve((id) =>
      id === 'DGS2' ? '<!DOCTYPE html><html><body>Please wait</body></html>' : syntheticCsv(id),
    );
    const error = await failureOf(createFredCurveProvider({ http, baseUrl: server.baseUrl }).fetchHistory());
    expect(error.code).toBe('WRONG_CONTENT');
  });
});
