import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.ts';
import { firstAnswer } from '../../../src/sources/fallback-chain.ts';
import { createHttpClient } from '../../../src/sources/http-client.ts';
import {
  createMofJgbProvider,
  createMofJgbSources,
} from '../../../src/sources/mof/create-mof-jgb-provider.ts';
import { type FakeHttpServer, startFakeHttpServer } from '../../support/fake-http-server.ts';
import { editLines, mofFixture } from './mof-fixtures.ts';

const EN_HISTORY = '/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv';
const EN_CURRENT = '/english/policy/jgbs/reference/interest_rate/jgbcme.csv';
const JA_HISTORY = '/jgbs/reference/interest_rate/data/jgbcm_all.csv';
const JA_CURRENT = '/jgbs/reference/interest_rate/jgbcm.csv';

const CSV = { 'content-type': 'text/csv' };
const CHALLENGE_PAGE =
  '<noscript>This site requires JavaScript to verify your browser</noscript><script>(async()=>{})()</script>';

let server: FakeHttpServer;
const http = () => createHttpClient({ retries: 1, backoffBaseMs: 1, timeoutMs: 300 });

beforeEach(async () => {
  server = await startFakeHttpServer();
});

afterEach(async () => {
  await server.close();
});

async function rejection(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('createMofJgbProvider', () => {
  it('merges the English history with the current month into the whole JGB curve history', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrent') });
    const provider = createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' });

    const history = await provider.fetchHistory();

    expect(provider.ref).toEqual({ id: 'mof', name: 'Ministry of Finance Japan' });
    expect(history.market).toBe('jp');
    expect(history.source).toEqual({ id: 'mof', name: 'Ministry of Finance Japan' });
    expect(history.complete).toBe(true);
    expect(history.rows).toHaveLength(13_208 + 9);
    expect(history.rows[0]?.date).toBe('1974-09-24');
    expect(history.rows.at(-1)).toMatchObject({ date: '2026-09-11', yields: { '10y': 2.987, '40y': 4.027 } });
    expect(server.countFor(EN_HISTORY)).toBe(1);
    expect(server.countFor(EN_CURRENT)).toBe(1);
    expect(server.requests.every((r) => String(r.headers.accept).startsWith('text/csv'))).toBe(true);
  });

  it('lets the current-month file win on a date the history also holds', async () => {
    // A hypothetical republication: the real title, header and footer around a revised 2026/4/30 row.
    const revised =
      '2026/4/30,1.094,1.402,1.556,1.753,1.903,2.03,2.153,2.283,2.396,2.531,3.078,3.402,3.686,3.721,3.75';
    const current = editLines(mofFixture('englishCurrent'), (lines) => [
      lines[0] ?? '',
      lines[1] ?? '',
      revised,
      '2026/5/1,1.1,1.41,1.56,1.76,1.91,2.04,2.16,2.29,2.4,2.53,3.08,3.41,3.69,3.73,3.75',
      ...lines.slice(11),
    ]);
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { headers: CSV, body: current });

    const history = await createMofJgbProvider({
      http: http(),
      baseUrl: server.baseUrl,
      language: 'en',
    }).fetchHistory();

    expect(history.rows).toHaveLength(13_208 + 1);
    expect(history.rows.filter((row) => row.date === '2026-04-30')).toHaveLength(1);
    expect(history.rows.at(-2)?.yields).toMatchObject({ '10y': 2.531, '40y': 3.75 });
    expect(history.rows.at(-1)?.date).toBe('2026-05-01');
  });

  it('answers with the history alone early in the month, when the current file has no rows yet', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrentNoRows') });

    const history = await createMofJgbProvider({
      http: http(),
      baseUrl: server.baseUrl,
      language: 'en',
    }).fetchHistory();

    expect(history.rows).toHaveLength(13_208);
    expect(history.rows.at(-1)?.date).toBe('2026-04-30');
  });

  it('reads the Japanese files and reports the Japanese source', async () => {
    server.route(JA_HISTORY, { headers: CSV, body: mofFixture('japaneseHistory') });
    server.route(JA_CURRENT, { headers: CSV, body: mofFixture('japaneseCurrent') });
    const provider = createMofJgbProvider({ http: http(), baseUrl: `${server.baseUrl}/`, language: 'ja' });

    const history = await provider.fetchHistory();

    expect(history.source).toEqual({ id: 'mof-ja', name: 'Ministry of Finance Japan' });
    // The October 2025 current-month capture lies inside the history and agrees with it.
    expect(history.rows).toHaveLength(13_248);
    expect(history.rows.at(-1)?.date).toBe('2026-06-30');
  });

  it('fails with the HTTP status when the MOF answers 500', async () => {
    server.route(EN_HISTORY, { status: 500, body: 'error' });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrent') });

    const error = await rejection(
      createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' }).fetchHistory(),
    );

    expect(error.code).toBe('HTTP_STATUS');
    expect(error.context).toMatchObject({
      source: 'mof',
      status: 500,
      url: `${server.baseUrl}${EN_HISTORY}`,
    });
  });

  it('fails rather than serve last month as current when only the current-month file is down', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { status: 503, body: 'maintenance' });

    const error = await rejection(
      createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' }).fetchHistory(),
    );

    expect(error.code).toBe('HTTP_STATUS');
    expect(error.context.url).toBe(`${server.baseUrl}${EN_CURRENT}`);
  });

  it('rejects a body that is an HTML challenge page served with 200', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { headers: { 'content-type': 'text/html' }, body: CHALLENGE_PAGE });

    const error = await rejection(
      createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' }).fetchHistory(),
    );

    expect(error.code).toBe('WRONG_CONTENT');
  });

  it('rejects a CSV that is not the MOF table, naming the file', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: 'Date,Open,High,Low,Close\r\n2026-04-30,1,2,0,1\r\n' });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrent') });

    const error = await rejection(
      createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' }).fetchHistory(),
    );

    expect(error.code).toBe('BAD_PAYLOAD');
    expect(error.context).toEqual({ source: 'mof', url: `${server.baseUrl}${EN_HISTORY}` });
  });

  it('rejects a history file with no rows, which would pass for a curve without data', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishCurrentNoRows') });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrent') });

    const error = await rejection(
      createMofJgbProvider({ http: http(), baseUrl: server.baseUrl, language: 'en' }).fetchHistory(),
    );

    expect(error.code).toBe('BAD_PAYLOAD');
  });
});

describe('createMofJgbSources', () => {
  it('tries the English files first', async () => {
    server.route(EN_HISTORY, { headers: CSV, body: mofFixture('englishHistory') });
    server.route(EN_CURRENT, { headers: CSV, body: mofFixture('englishCurrent') });
    const sources = createMofJgbSources({ http: http(), baseUrl: server.baseUrl });

    expect(sources.map((s) => s.ref.id)).toEqual(['mof', 'mof-ja']);
    const answer = await firstAnswer(sources, (s) => s.fetchHistory(), 'the JGB curve');

    expect(answer.value.source.id).toBe('mof');
    expect(answer.failures).toEqual([]);
    expect(server.countFor(JA_HISTORY)).toBe(0);
  });

  it('falls back to the Japanese files when the English ones fail', async () => {
    server.route(EN_HISTORY, { status: 500, body: 'error' });
    server.route(EN_CURRENT, { headers: CSV, body: CHALLENGE_PAGE });
    server.route(JA_HISTORY, { headers: CSV, body: mofFixture('japaneseHistory') });
    server.route(JA_CURRENT, { headers: CSV, body: mofFixture('japaneseCurrent') });

    const answer = await firstAnswer(
      createMofJgbSources({ http: http(), baseUrl: server.baseUrl }),
      (s) => s.fetchHistory(),
      'the JGB curve',
    );

    expect(answer.source.ref.id).toBe('mof-ja');
    expect(answer.value.source.id).toBe('mof-ja');
    expect(answer.value.rows.at(-1)?.date).toBe('2026-06-30');
    expect(answer.failures.map((f) => f.context.source)).toEqual(['mof']);
  });

  it('reports every failure when neither language answers', async () => {
    const error = await rejection(
      firstAnswer(
        createMofJgbSources({ http: http(), baseUrl: server.baseUrl }),
        (s) => s.fetchHistory(),
        'the JGB curve',
      ),
    );

    expect(error.code).toBe('ALL_SOURCES_FAILED');
    expect(error.causes.map((c) => [c.context.source, c.code])).toEqual([
      ['mof', 'HTTP_STATUS'],
      ['mof-ja', 'HTTP_STATUS'],
    ]);
  });
});
