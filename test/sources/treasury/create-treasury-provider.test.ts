import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { createHttpClient } from '../../../src/sources/http-client.ts';
import {
  createTreasuryCsvProvider,
  createTreasuryXmlProvider,
} from '../../../src/sources/treasury/create-treasury-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/us_treasury/${name}`, import.meta.url), 'utf8');
const csv2025 = fixture('daily-treasury-rates.2025.csv');
const csv2026 = fixture('daily-treasury-rates.2026-10-01_02.derived-from-xml.csv');
const xml202610 = fixture('ust_par_xml.2026-10.from-text.xml');
const emptyFeed = xml202610.replace(/<entry>[\s\S]*<\/entry>\n/, '');

const csvPath = (year: number) =>
  `/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv/${year}/all`;
const XML_PATH = '/resource-center/data-chart-center/interest-rates/pages/xml';
const CSV_HEADERS = { 'content-type': 'text/csv; charset=utf-8' };
const XML_HEADERS = { 'content-type': 'application/xml; charset=utf-8' };
const CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript</noscript></body></html>';

let server: FakeHttpServer;
const http = createHttpClient({ retries: 1, backoffBaseMs: 1, timeoutMs: 300 });
const at = (iso: string) => () => new Date(iso);

beforeEach(async () => {
  server = await startFakeHttpServer();
});
afterEach(async () => {
  await server.close();
});

async function failureOf(run: Promise<unknown>): Promise<SourceError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('createTreasuryCsvProvider', () => {
  it('fetches the current and the previous year and merges them in date order', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2026 });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });

    const history = await provider.fetchHistory();

    expect(history).toMatchObject({
      market: 'us',
      complete: false,
      source: { id: 'treasury', name: 'U.S. Department of the Treasury' },
    });
    expect(history.rows).toHaveLength(184 + 2);
    expect(history.rows[0]?.date).toBe('2025-01-02');
    expect(history.rows.at(-3)?.date).toBe('2025-09-25');
    expect(history.rows.at(-1)).toMatchObject({ date: '2026-10-02', yields: { '10y': 5.28, '1.5m': 4.09 } });
    const dates = history.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(server.countFor(csvPath(2026))).toBe(1);
    expect(server.countFor(csvPath(2025))).toBe(1);
    const url = server.requests.find((r) => r.url.startsWith(csvPath(2025)))?.url;
    expect(url).toBe(
      `${csvPath(2025)}?type=daily_treasury_yield_curve&field_tdr_date_value=2025&page&_format=csv`,
    );
  });

  it('uses the New York calendar, so New Year in UTC still asks for the old year', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2026 });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2027-01-01T03:00:00Z'),
    });
    const history = await provider.fetchHistory();
    expect(history.rows).toHaveLength(186);
    expect(server.countFor(csvPath(2027))).toBe(0);
  });

  it('loads as many years as asked', async () => {
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2025-09-26T12:00:00Z'),
      years: 1,
    });
    expect((await provider.fetchHistory()).rows).toHaveLength(184);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 and succeeds on the 200 that follows', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2026 });
    server.sequence(csvPath(2025), [
      { status: 500, body: 'upstream error' },
      { headers: CSV_HEADERS, body: csv2025 },
    ]);
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    expect((await provider.fetchHistory()).rows).toHaveLength(186);
    expect(server.countFor(csvPath(2025))).toBe(2);
  });

  it('rejects an HTML challenge page served with 200 as WRONG_CONTENT', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2026 });
    server.route(csvPath(2025), { headers: { 'content-type': 'text/html' }, body: CHALLENGE });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error.code).toBe('WRONG_CONTENT');
    expect(error.context.url).toContain(csvPath(2025));
  });

  it('fails as a whole when one year answers 404, naming that year in the url', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2026 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error).toMatchObject({ code: 'HTTP_STATUS', context: { source: 'treasury', status: 404 } });
    expect(error.context.url).toBe(
      `${server.baseUrl}${csvPath(2025)}?type=daily_treasury_yield_curve&field_tdr_date_value=2025&page&_format=csv`,
    );
  });

  it('adds the url to a parse failure', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: 'Service temporarily unavailable' });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error).toMatchObject({ code: 'BAD_PAYLOAD', context: { source: 'treasury' } });
    expect(error.context.url).toContain(csvPath(2026));
  });

  it('rejects a file that holds another year than the one asked for', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: csv2025 });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error.code).toBe('BAD_PAYLOAD');
    expect(error.context.url).toContain(csvPath(2026));
  });

  it('accepts an empty file for the new year in early January', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: '' });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-01-02T15:00:00Z'),
    });
    expect((await provider.fetchHistory()).rows).toHaveLength(184);
  });

  it('rejects an empty file for the current year later in the year', async () => {
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: '' });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: csv2025 });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-06-02T15:00:00Z'),
    });
    expect((await failureOf(provider.fetchHistory())).code).toBe('EMPTY_BODY');
  });

  it('fails when no year has any row, so a fallback is tried', async () => {
    const header = csv2025.split('\n')[0] ?? '';
    server.route(csvPath(2026), { headers: CSV_HEADERS, body: header });
    server.route(csvPath(2025), { headers: CSV_HEADERS, body: header });
    const provider = createTreasuryCsvProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-01-02T15:00:00Z'),
    });
    expect((await failureOf(provider.fetchHistory())).code).toBe('BAD_PAYLOAD');
  });
});

describe('createTreasuryXmlProvider', () => {
  const monthOf = (url: string) => new URL(url, 'http://x').searchParams.get('field_tdr_date_value_month');

  it('fetches the last months in parallel and merges them', async () => {
    server.route(XML_PATH, (request) => ({
      headers: XML_HEADERS,
      body: monthOf(request.url) === '202610' ? xml202610 : emptyFeed,
    }));
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
      months: 2,
    });
    const history = await provider.fetchHistory();
    expect(history).toMatchObject({
      market: 'us',
      complete: false,
      source: { id: 'treasury-xml', name: 'U.S. Department of the Treasury' },
    });
    expect(history.rows.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
    expect(history.rows[1]?.yields['30y']).toBe(5.63);
    expect(server.requests.map((r) => r.url).sort()).toEqual([
      `${XML_PATH}?data=daily_treasury_yield_curve&field_tdr_date_value_month=202609`,
      `${XML_PATH}?data=daily_treasury_yield_curve&field_tdr_date_value_month=202610`,
    ]);
  });

  it('asks for four months by default, across a year boundary', async () => {
    server.route(XML_PATH, (request) => ({
      headers: XML_HEADERS,
      body: monthOf(request.url) === '202610' ? xml202610 : emptyFeed,
    }));
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2027-01-20T12:00:00Z'),
    });
    expect((await provider.fetchHistory()).rows.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
    expect(server.requests.map((r) => monthOf(r.url)).sort()).toEqual([
      '202610',
      '202611',
      '202612',
      '202701',
    ]);
  });

  it('fails as a whole when one month fails', async () => {
    server.route(XML_PATH, (request) =>
      monthOf(request.url) === '202609' ? { status: 503 } : { headers: XML_HEADERS, body: xml202610 },
    );
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
      months: 2,
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error).toMatchObject({ code: 'HTTP_STATUS', context: { source: 'treasury-xml', status: 503 } });
    expect(error.context.url).toContain('field_tdr_date_value_month=202609');
  });

  it('rejects an HTML challenge page served with 200 as WRONG_CONTENT', async () => {
    server.route(XML_PATH, { headers: { 'content-type': 'text/html' }, body: CHALLENGE });
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    expect((await failureOf(provider.fetchHistory())).code).toBe('WRONG_CONTENT');
  });

  it('fails when no month has any row, so a fallback is tried', async () => {
    server.route(XML_PATH, { headers: XML_HEADERS, body: emptyFeed });
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
    });
    expect((await failureOf(provider.fetchHistory())).code).toBe('BAD_PAYLOAD');
  });

  it('rejects a month file that holds another month', async () => {
    server.route(XML_PATH, { headers: XML_HEADERS, body: xml202610 });
    const provider = createTreasuryXmlProvider({
      http,
      baseUrl: server.baseUrl,
      now: at('2026-10-05T22:00:00Z'),
      months: 2,
    });
    const error = await failureOf(provider.fetchHistory());
    expect(error.code).toBe('BAD_PAYLOAD');
    expect(error.context.url).toContain('field_tdr_date_value_month=202609');
  });
});
